// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { describe, expect, it } from 'vitest';
import { parseArxivPage } from '../../lib/arxiv/parse';
import { loadFixture, parseHtml } from '../fixtures/load-fixture';

describe('the abs page of one paper', () => {
  it('reads the seed abs page into one paper and no sections', () => {
    const doc = loadFixture('abs-2602.22195.html');
    const page = parseArxivPage(doc, 'https://arxiv.org/abs/2602.22195');
    expect(page).toMatchObject({ kind: 'abs', title: 'Quantum Physics', sections: [], problems: [] });
    expect(page.archive).toBeUndefined();
    expect(page.papers).toHaveLength(1);
    const [paper] = page.papers;
    if (!paper) throw new Error('no paper');
    const { element, ...rest } = paper;
    expect(rest).toEqual({
      id: '2602.22195',
      version: 2,
      title: 'Hybrid Consensus with Quantum Sybil Resistance',
      authors: ['Dar Gilboa', 'Siddhartha Jain', 'Or Sattath'],
      abstract: expect.stringMatching(/^Sybil resistance is a key requirement .* in the Random Oracle model\.$/),
      primarySubject: { name: 'Quantum Physics', code: 'quant-ph' },
      subjects: [
        { name: 'Quantum Physics', code: 'quant-ph' },
        { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
      ],
      section: 'abs',
      absUrl: 'https://arxiv.org/abs/2602.22195',
      pdfUrl: 'https://arxiv.org/pdf/2602.22195',
    });
    const block = doc.querySelector('#abs');
    expect(element).toMatchObject({ head: block, nodes: [block] });
    // The field nodes the parser read, so highlighting paints exactly there.
    expect(element.fields.title).toBe(block?.querySelector('h1.title'));
    expect(element.fields.abstract).toBe(block?.querySelector('blockquote.abstract'));
    expect(element.fields.authors).toBe(block?.querySelector('.authors'));
    expect(block?.querySelector('h1.title')).not.toBeNull();
  });

  it('does not take arXiv’s own DataCite DOI for the paper’s DOI', () => {
    const page = parseArxivPage(loadFixture('abs-2602.22195.html'), 'https://arxiv.org/abs/2602.22195v2');
    expect(page.papers[0]?.doi).toBeUndefined();
    expect(page.papers[0]?.absUrl).toBe('https://arxiv.org/abs/2602.22195v2');
  });

  it('reads an old-style id with its version, journal reference and DOI', () => {
    const page = parseArxivPage(loadFixture('abs-math-0601001.html'), 'https://arxiv.org/abs/math/0601001');
    expect(page.problems).toEqual([]);
    expect(page.papers[0]).toMatchObject({
      id: 'math/0601001',
      version: 2,
      title: 'A Simple Distributed Deterministic Planar Separator in $\\tilde O(D)$ Rounds',
      comments: '19 pages, 4 figures; v2: corrected the proof of Lemma 3',
      journalRef: 'Discrete Math. 306 (2006) 1021-1033',
      doi: '10.5555/j.disc.2006.01.004',
      primarySubject: { name: 'Combinatorics', code: 'math.CO' },
      absUrl: 'https://arxiv.org/abs/math/0601001',
      pdfUrl: 'https://arxiv.org/pdf/math/0601001',
    });
    expect(page.papers[0]?.abstract).toContain('size $O(\\sqrt{n})$');
  });

  it('reads a withdrawn paper without a PDF', () => {
    const page = parseArxivPage(loadFixture('abs-withdrawn-2602.22812.html'), 'https://arxiv.org/abs/2602.22812');
    const [paper] = page.papers;
    expect(paper).toMatchObject({
      id: '2602.22812',
      version: 2,
      abstract: 'This paper has been withdrawn by the authors.',
      comments: 'This paper has been withdrawn by the authors due to an error in the cache model',
      primarySubject: { name: 'Machine Learning', code: 'cs.LG' },
    });
    expect(paper?.pdfUrl).toBeUndefined();
    expect(paper?.htmlUrl).toBeUndefined();
  });

  it('falls back to the URL for the id when the page shows none', () => {
    const doc = parseHtml('<!DOCTYPE html><div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>Bare</h1></div>');
    const page = parseArxivPage(doc, 'https://arxiv.org/abs/2602.22290v3');
    expect(page.papers.map(({ id, version, title }) => ({ id, version, title }))).toEqual([{ id: '2602.22290', version: 3, title: 'Bare' }]);
  });

  it('reports an abs page without its abstract block instead of throwing', () => {
    const page = parseArxivPage(parseHtml('<!DOCTYPE html><title>Oops</title><p>Service unavailable</p>'), 'https://arxiv.org/abs/2602.22290');
    expect(page.papers).toEqual([]);
    expect(page.problems).toEqual([{ index: 0, reason: 'no abstract block (div#abs) on the page' }]);
  });
});

describe('a saved abs page under a URL that is not arXiv’s', () => {
  it('is read as an abs page by its markup', () => {
    const page = parseArxivPage(loadFixture('abs-math-0601001.html'), 'file:///home/me/paper.html');
    expect(page.kind).toBe('unknown');
    expect(page.papers.map((p) => [p.id, p.version, p.section])).toEqual([['math/0601001', 2, 'abs']]);
  });
});
