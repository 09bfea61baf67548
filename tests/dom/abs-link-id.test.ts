// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../lib/arxiv/ids';
import { readListingEntry } from '../../lib/arxiv/parse-listing';
import { paperOfAbsUrl } from '../../lib/arxiv/url';

/**
 * The parser reads a listing entry's id from its abstract link's `id` attribute, text and href,
 * and parses the href (a URL) only when it could change the answer. Whatever the link holds, the
 * answer must be the one reading all three gives: the first id shown, with the first version shown
 * for that id.
 */
function readingAllThree(attribute: string | undefined, text: string, href: string | undefined) {
  const candidates = [parseArxivId(attribute ?? ''), parseArxivId(text.replace(/\s+/g, ' ').trim()), href === undefined ? undefined : paperOfAbsUrl(href.trim())];
  const id = candidates.find((candidate) => candidate !== undefined)?.id;
  if (id === undefined) return undefined;
  const version = candidates.find((candidate) => candidate?.id === id && candidate.version !== undefined)?.version;
  return version === undefined ? { id } : { id, version };
}

function entryOf(attribute: string | undefined, text: string, href: string | undefined): [Element, Element] {
  const dl = document.createElement('dl');
  const dt = document.createElement('dt');
  const link = document.createElement('a');
  link.title = 'Abstract';
  if (attribute !== undefined) link.id = attribute;
  if (href !== undefined) link.setAttribute('href', href);
  link.textContent = text;
  dt.append(link);
  const dd = document.createElement('dd');
  const title = document.createElement('div');
  title.className = 'list-title';
  title.textContent = 'A title';
  dd.append(title);
  dl.append(dt, dd);
  return [dt, dd];
}

const attributes = fc.constantFrom(undefined, '2602.22290', '2602.22290v2', 'math/0601001', '2601.00001', 'not-an-id');
const texts = fc.constantFrom('', 'arXiv:2602.22290', 'arXiv:2602.22290v5', 'arXiv:2601.00001v1', ' arXiv:math/0601001v3 ', 'Abstract');
const hrefs = fc.constantFrom(
  undefined,
  '',
  '/abs/2602.22290',
  '/abs/2602.22290v3',
  '/abs/2602.22290%763',
  '/abs/2602.22290v\t4',
  ' https://arxiv.org/abs/math/0601001v2 ',
  '//arxiv.org/abs/2601.00001v7',
  'https://example.org/abs/2602.22290v9',
  'javascript:void(0)',
  '/abs/math/0601001V2',
);

describe('the id of a listing entry', () => {
  it('is what reading the link attribute, text and href all three gives, for any mix of them', () => {
    fc.assert(
      fc.property(attributes, texts, hrefs, (attribute, text, href) => {
        const [dt, dd] = entryOf(attribute, text, href);
        const read = readListingEntry(dt, dd, 'new');
        const expected = readingAllThree(attribute, text, href);
        if (expected === undefined) expect(typeof read).toBe('string');
        else expect(typeof read === 'string' ? read : { id: read.id, ...(read.version === undefined ? {} : { version: read.version }) }).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });

  it('takes a version only the href spells, even percent-escaped or split by a tab', () => {
    for (const [href, version] of [['/abs/2602.22290v3', 3], ['/abs/2602.22290%763', 3], ['/abs/2602.22290v\t4', 4]] as const) {
      const [dt, dd] = entryOf('2602.22290', 'arXiv:2602.22290', href);
      expect(readListingEntry(dt, dd, 'new')).toMatchObject({ id: '2602.22290', version });
    }
  });
});
