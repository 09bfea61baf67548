// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LISTING_FIXTURE, SEED_PAPERS } from './cases';

// The seed papers were written once from the saved listing; this keeps them honest against it.
// <link> tags dropped: happy-dom would try (and loudly fail) to fetch arXiv's stylesheets.
const html = readFileSync(LISTING_FIXTURE, 'utf8').replace(/<link\b[^>]*>/g, '');
const doc = new DOMParser().parseFromString(html, 'text/html');

const collapse = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Text of a `.list-*` block without its `<span class='descriptor'>Label:</span>`. */
function field(dd: Element, selector: string): string | undefined {
  const node = dd.querySelector(selector);
  if (node === null) return undefined;
  const copy = node.cloneNode(true) as Element;
  copy.querySelector('.descriptor')?.remove();
  return collapse(copy.textContent);
}

// Listing markup: <dl id='articles'> per section, each entry a <dt> (id link) + <dd> (metadata).
const entries = [...doc.querySelectorAll('dl#articles > dt')].map((dt) => {
  const dd = dt.nextElementSibling as Element;
  return {
    // <a href="/abs/2602.22290" title="Abstract" id="2602.22290">arXiv:2602.22290</a>
    id: collapse(dt.querySelector('a[title="Abstract"]')?.textContent).replace(/^arXiv:/, ''),
    title: field(dd, '.list-title'),
    // <div class='list-authors'><a …>Name</a> (1), … ((1) Affiliation …)</div>
    authors: [...dd.querySelectorAll('.list-authors a')].map((a) => collapse(a.textContent)),
    comments: field(dd, '.list-comments'),
    journalRef: field(dd, '.list-journal-ref'),
    subjects: field(dd, '.list-subjects'),
    // <p class='mathjax'> holds the abstract on /new listings.
    abstract: collapse(dd.querySelector('p.mathjax')?.textContent),
  };
});

describe('seed-papers.json', () => {
  it('holds the 29 entries of the saved listing in page order', () => {
    expect(SEED_PAPERS.map((p) => p.id)).toEqual(entries.map((e) => e.id));
    expect(SEED_PAPERS).toHaveLength(29);
  });

  it('splits the listing into 18 new, 6 cross-list and 5 replacement papers', () => {
    const count = (section: string): number => SEED_PAPERS.filter((p) => p.section === section).length;
    expect([count('new'), count('cross'), count('replacement')]).toEqual([18, 6, 5]);
  });

  it.each(entries.map((e, i) => [e.id, e, SEED_PAPERS[i]] as const))(
    '%s matches the listing field by field',
    (_id, entry, seed) => {
      expect(seed).toBeDefined();
      if (seed === undefined) return;
      expect(seed.title).toBe(entry.title);
      expect(seed.authors).toEqual(entry.authors);
      expect(seed.comments).toBe(entry.comments);
      expect(seed.journalRef).toBe(entry.journalRef);
      expect(seed.subjects.map((s) => `${s.name} (${s.code})`).join('; ')).toBe(entry.subjects);
      expect(seed.primarySubject).toEqual(seed.subjects[0]);
      expect(collapse(seed.abstract)).toBe(entry.abstract);
      expect(seed.absUrl).toBe(`https://arxiv.org/abs/${seed.id}`);
    },
  );

  it('keeps affiliations apart from author names', () => {
    const cccl = SEED_PAPERS.find((p) => p.id === '2602.22457');
    expect(cccl?.authors).toContain('Dong Xu');
    expect(cccl?.affiliations).toEqual(['UC Merced', 'Zhejinag University', 'Bytedance', 'Xconn-tech']);
    expect(SEED_PAPERS.flatMap((p) => p.authors).filter((a) => /[()]/.test(a))).toEqual([]);
  });
});
