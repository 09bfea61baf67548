import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import {
  absUrlOf,
  dateOfArxivId,
  doiOf,
  parseAuthorName,
  toCitationKeys,
  toCSLJSON,
  toCslName,
  toCslTitle,
  type CslItem,
  type CslName,
} from '@/lib/export';
import { ALL_PAPERS, CLEAN_PAPERS, SEED_PAPERS, SPECIAL_CHARACTERS } from './cases';

const NOCASE = /<span class="nocase">(.*?)<\/span>/g;

describe('toCslTitle', () => {
  it.each([
    ['Faster $\\tilde O(D)$ Bounds', 'Faster <span class="nocase">$\\tilde O(D)$</span> Bounds'],
    ['On $\\sqrt n$ and \\(\\mathcal{O}(1)\\)', 'On <span class="nocase">$\\sqrt n$</span> and <span class="nocase">\\(\\mathcal{O}(1)\\)</span>'],
    ['Tuning nanoGPT on x86 (with torch.compile).', 'Tuning <span class="nocase">nanoGPT</span> on <span class="nocase">x86</span> (with <span class="nocase">torch.compile</span>).'],
    ['Plain Words Stay Plain', 'Plain Words Stay Plain'],
  ])('protects %j', (input, expected) => {
    expect(toCslTitle(input)).toBe(expected);
  });
});

describe('toCslName', () => {
  it.each<[string, CslName]>([
    ['Yahao Ding', { family: 'Ding', given: 'Yahao' }],
    [
      'Johannes Diderik van der Waals',
      { family: 'Waals', given: 'Johannes Diderik', 'non-dropping-particle': 'van der' },
    ],
    ['Martin Luther King III', { family: 'King', given: 'Martin Luther', suffix: 'III' }],
    ['Plato', { literal: 'Plato' }],
    ['ATLAS Collaboration', { literal: 'ATLAS Collaboration' }],
  ])('maps %j to %j', (input, expected) => {
    expect(toCslName(parseAuthorName(input))).toEqual(expected);
  });
});

describe('toCSLJSON', () => {
  const parsed = JSON.parse(toCSLJSON(ALL_PAPERS)) as CslItem[];

  it('writes one preprint article per paper, identified by the BibTeX citation keys', () => {
    expect(parsed.map((item) => item.id)).toEqual(toCitationKeys(CLEAN_PAPERS));
    for (const item of parsed) {
      expect(item).toMatchObject({ type: 'article', genre: 'preprint', publisher: 'arXiv' });
    }
  });

  it('leaves tags and the user note out unless asked', () => {
    const [item] = JSON.parse(toCSLJSON([SPECIAL_CHARACTERS])) as CslItem[];
    expect(item?.keyword).toBeUndefined();
    expect(item?.note).toBe('Journal-ref: Proc. R&D 2025, 50% #1');
  });

  it('maps the journal reference and the user note into note, tags into keyword when asked', () => {
    const [item] = JSON.parse(toCSLJSON([SPECIAL_CHARACTERS], { includeUserData: true })) as CslItem[];
    expect(item).toMatchObject({
      DOI: '10.1000/abc_def(2025)',
      keyword: 'R&D, x_y',
      note: 'Read §3 & 100% {of it}\nJournal-ref: Proc. R&D 2025, 50% #1',
    });
  });

  it('writes an empty array for no papers', () => {
    expect(toCSLJSON([])).toBe('[]\n');
  });

  it('is read by citation-js with title, names, date, number, DOI and URL intact', () => {
    const items = new Cite(parsed).data;
    expect(items).toHaveLength(ALL_PAPERS.length);
    CLEAN_PAPERS.forEach((paper, i) => {
      const item = items[i];
      const date = dateOfArxivId(paper.id);
      expect(item?.title?.replace(NOCASE, '$1')).toBe(paper.title.replace(/\s+/g, ' ').trim());
      expect(item?.author).toEqual(paper.authors.map((a) => toCslName(parseAuthorName(a))));
      expect(item?.issued?.['date-parts']).toEqual([[date?.year, date?.month]]);
      expect(item?.number).toBe(paper.id);
      expect(item?.DOI).toBe(doiOf(paper));
      expect(item?.URL).toBe(absUrlOf(paper));
      expect(item?.abstract).toBe(paper.abstract);
    });
  });

  // citation-js builds its APA style on first use: seconds on a busy 2-core machine.
  it('renders an APA bibliography through citation-js with every seed title and id', () => {
    const text = new Cite(JSON.parse(toCSLJSON(SEED_PAPERS))).format('bibliography', {
      template: 'apa',
      format: 'text',
    });
    for (const paper of SEED_PAPERS) {
      expect(text).toContain(paper.title);
      expect(text).toContain(`(Preprint ${paper.id})`);
    }
  }, 20_000);
});
