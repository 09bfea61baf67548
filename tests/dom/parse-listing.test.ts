// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { describe, expect, it } from 'vitest';
import { parseArxivPage, type ArxivPage, type Paper } from '../../lib/arxiv/parse';
import { loadFixture, parseHtml } from '../fixtures/load-fixture';

function parseFixture(name: string, url: string): ArxivPage {
  return parseArxivPage(loadFixture(name), url);
}

function paper(page: ArxivPage, id: string): Paper {
  const found = page.papers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no paper ${id}`);
  return found;
}

/** The paper without its DOM handle, for comparing plain data. */
function meta(found: Paper): Omit<Paper, 'element'> {
  const { element: _element, ...rest } = found;
  return rest;
}

const countBy = (papers: readonly Paper[], section: Paper['section']): number => papers.filter((p) => p.section === section).length;

describe('the seed /list/cs.DC/new page', () => {
  const page = parseFixture('list-new-cs.DC-2026-02-27.html', 'https://arxiv.org/list/cs.DC/new');

  it('reads the page: kind, archive, heading, date and total', () => {
    expect(page).toMatchObject({
      kind: 'new',
      archive: 'cs.DC',
      title: 'Distributed, Parallel, and Cluster Computing',
      date: '2026-02-27',
      total: 29,
      problems: [],
    });
  });

  it('finds 29 papers: 18 new, 6 cross-lists and 5 replacements', () => {
    expect(page.papers).toHaveLength(29);
    expect(countBy(page.papers, 'new')).toBe(18);
    expect(countBy(page.papers, 'cross')).toBe(6);
    expect(countBy(page.papers, 'replacement')).toBe(5);
  });

  it('reads three sections with their kinds, headings and papers', () => {
    expect(page.sections.map(({ kind, heading, papers }) => ({ kind, heading, count: papers.length }))).toEqual([
      { kind: 'new', heading: 'New submissions (showing 18 of 18 entries)', count: 18 },
      { kind: 'cross', heading: 'Cross submissions (showing 6 of 6 entries)', count: 6 },
      { kind: 'replacement', heading: 'Replacement submissions (showing 5 of 5 entries)', count: 5 },
    ]);
    expect(page.sections.flatMap((section) => section.papers)).toEqual(page.papers);
  });

  it('reads every field of an entry with a journal-ref and several subjects', () => {
    expect(meta(paper(page, '2602.22392'))).toEqual({
      id: '2602.22392',
      version: 1,
      title: 'DIAL: Decentralized I/O AutoTuning via Learned Client-side Local Metrics for Parallel File System',
      authors: ['Md Hasanur Rashid', 'Xinyi Li', 'Youbiao He', 'Forrest Sheng Bao', 'Dong Dai'],
      abstract: expect.stringMatching(/^Enabling efficient, high-performance data access in parallel file systems \(PFS\) is critical for today's high-performance/),
      journalRef: '2025 IEEE 25th International Symposium on Cluster, Cloud and Internet Computing (CCGrid) (pp. 01-04)',
      primarySubject: { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
      subjects: [
        { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
        { name: 'Performance', code: 'cs.PF' },
      ],
      section: 'new',
      absUrl: 'https://arxiv.org/abs/2602.22392',
      pdfUrl: 'https://arxiv.org/pdf/2602.22392',
      htmlUrl: 'https://arxiv.org/html/2602.22392v1',
    });
  });

  it('moves (1) affiliation markers and the ((1) UC Merced, …) key out of the author names', () => {
    const cccl = paper(page, '2602.22457');
    expect(cccl.authors).toHaveLength(14);
    expect(cccl.authors[0]).toBe('Dong Xu');
    expect(cccl.authors.at(-1)).toBe('Dong Li');
    expect(cccl.authors.filter((name) => /[()]/.test(name))).toEqual([]);
    expect(cccl.affiliations).toEqual(['UC Merced', 'Zhejinag University', 'Bytedance', 'Xconn-tech']);
    expect(paper(page, '2602.22852')).toMatchObject({
      authors: ['Oliver Larsson', 'Thijs Metsch', 'Cristian Klein', 'Erik Elmroth'],
      affiliations: ['Umeå University', 'Unaffiliated'],
    });
  });

  it('keeps non-ASCII author names', () => {
    expect(paper(page, '2602.22434').authors).toEqual(['Alex Aizman', 'Abhishek Gaikwad', 'Piotr Żelasko']);
    expect(paper(page, '2602.22240').authors).toContain('Dirk Pflüger');
    expect(paper(page, '2511.07885').authors).toContain('Christopher Ré');
  });

  it('keeps TeX in abstracts exactly as typed, with whitespace collapsed', () => {
    const separator = paper(page, '2602.22916');
    expect(separator.abstract).toContain('an $O(D)$-size separator in $\\tilde O(D)$ rounds');
    expect(separator.abstract).toContain('balanced separator of size $O(\\sqrt{n})$, as well as');
    expect(separator.abstract).not.toMatch(/\s{2}|\n/);
  });

  it('reads multi-subject lines with the primary first, also for cross-lists', () => {
    expect(paper(page, '2602.22409').subjects.map((s) => s.code)).toEqual(['cs.DC', 'cs.PF', 'eess.SY']);
    expect(paper(page, '2602.22434').subjects.map((s) => s.code)).toEqual(['cs.DC', 'cs.AI', 'cs.DB', 'cs.LG']);
    expect(paper(page, '2602.23067')).toMatchObject({
      section: 'cross',
      primarySubject: { name: 'Instrumentation and Methods for Astrophysics', code: 'astro-ph.IM' },
      subjects: [
        { name: 'Instrumentation and Methods for Astrophysics', code: 'astro-ph.IM' },
        { name: 'Cryptography and Security', code: 'cs.CR' },
        { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
      ],
    });
  });

  it('reads comments with HTML entities decoded', () => {
    expect(paper(page, '2412.15411').comments).toBe("NSDI'26 | Camera-Ready");
    expect(paper(page, '2602.22423').comments).toBe('to be published in 40th IEEE International Parallel & Distributed Processing Symposium (IPDPS), 2026');
  });

  it('takes the version from the HTML link and leaves it out when there is none', () => {
    expect(paper(page, '2509.11904')).toMatchObject({ version: 2, htmlUrl: 'https://arxiv.org/html/2509.11904v2' });
    const noHtml = paper(page, '2602.22780');
    expect(noHtml.htmlUrl).toBeUndefined();
    expect(noHtml.version).toBeUndefined();
    expect(noHtml.pdfUrl).toBe('https://arxiv.org/pdf/2602.22780');
  });

  it('hands back each entry as its <dt> head and its dt + dd nodes', () => {
    for (const found of page.papers) {
      const [dt, dd] = found.element.nodes;
      expect(found.element.head).toBe(dt);
      expect(dt?.localName).toBe('dt');
      expect(dd?.localName).toBe('dd');
      expect(dt?.nextElementSibling).toBe(dd);
      expect(dt?.querySelector('a[title="Abstract"]')?.getAttribute('id')).toBe(found.id);
    }
  });
});

describe('the seed /list/cs.DC/recent page', () => {
  const page = parseFixture('list-recent-cs.DC.html', 'https://arxiv.org/list/cs.DC/recent');

  it('reads one day section per day, without abstracts', () => {
    expect(page).toMatchObject({ kind: 'recent', archive: 'cs.DC', date: '2026-02-27', total: 24, problems: [] });
    expect(page.sections.map(({ kind, heading, papers }) => [kind, heading, papers.length])).toEqual([
      ['day', 'Fri, 27 Feb 2026 (showing 11 of 11 entries )', 11],
      ['day', 'Thu, 26 Feb 2026 (showing 8 of 8 entries )', 8],
      ['day', 'Wed, 25 Feb 2026 (showing 5 of 5 entries )', 5],
    ]);
    expect(page.papers.every((p) => p.abstract === undefined)).toBe(true);
  });

  it('marks each paper of a day section new or cross by its dt marker', () => {
    expect(countBy(page.papers, 'new')).toBe(18);
    expect(countBy(page.papers, 'cross')).toBe(6);
    expect(paper(page, '2602.22240').section).toBe('cross');
    expect(paper(page, '2602.22290').section).toBe('new');
  });
});

describe('a paged /pastweek page', () => {
  const page = parseFixture('list-pastweek-cs.DC-paged.html', 'https://arxiv.org/list/cs.DC/pastweek?skip=25&show=25');

  it('keeps the paging headings and the total of all pages', () => {
    expect(page).toMatchObject({ kind: 'pastweek', archive: 'cs.DC', total: 60, date: '2026-02-26', problems: [] });
    expect(page.sections.map(({ kind, heading, papers }) => [kind, heading, papers.length])).toEqual([
      ['day', 'Thu, 26 Feb 2026 (continued, showing last 8 of 19 entries )', 8],
      ['day', 'Wed, 25 Feb 2026 (showing 12 of 12 entries )', 12],
      ['day', 'Tue, 24 Feb 2026 (showing first 5 of 15 entries )', 5],
    ]);
    expect(page.papers).toHaveLength(25);
    expect(countBy(page.papers, 'cross')).toBe(6);
  });
});

describe('month archives', () => {
  it('reads a new-style month (/list/cs.DC/2026-02) as one section without heading', () => {
    const page = parseFixture('list-month-cs.DC-2026-02.html', 'https://arxiv.org/list/cs.DC/2026-02');
    expect(page).toMatchObject({ kind: 'month', archive: 'cs.DC', date: '2026-02', total: 10, problems: [] });
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0]).toMatchObject({ kind: 'results', heading: '' });
    expect(page.papers).toHaveLength(10);
    expect(page.papers.filter((p) => p.section === 'cross').map((p) => p.id)).toEqual(['2602.22240', '2602.22633', '2602.23067']);
  });

  it('reads old-style ids with slashes from a legacy YYMM month (/list/math/0601)', () => {
    const page = parseFixture('list-month-math-0601.html', 'https://arxiv.org/list/math/0601');
    expect(page).toMatchObject({ kind: 'month', archive: 'math', date: '2006-01', total: 5, problems: [] });
    expect(page.papers.map((p) => [p.id, p.section])).toEqual([
      ['math/0601001', 'new'],
      ['math/0601002', 'new'],
      ['math-ph/0601003', 'cross'],
      ['math/0601004', 'new'],
      ['hep-th/0601005', 'cross'],
    ]);
    expect(meta(paper(page, 'math/0601001'))).toMatchObject({
      absUrl: 'https://arxiv.org/abs/math/0601001',
      pdfUrl: 'https://arxiv.org/pdf/math/0601001',
      primarySubject: { name: 'Combinatorics', code: 'math.CO' },
    });
    expect(page.papers.every((p) => p.htmlUrl === undefined && p.version === undefined)).toBe(true);
  });
});

describe('a catchup page', () => {
  const page = parseFixture('catchup-cs.DC.html', 'https://arxiv.org/catchup/cs.DC/2026-02-27?abs=True');

  it('reads its sections like /new, with abstracts', () => {
    expect(page).toMatchObject({
      kind: 'catchup',
      archive: 'cs.DC',
      title: 'Catchup results for Distributed, Parallel, and Cluster Computing on Fri, 27 Feb 2026',
      date: '2026-02-27',
      total: 8,
      problems: [],
    });
    expect(page.sections.map((s) => [s.kind, s.papers.length])).toEqual([
      ['new', 4],
      ['cross', 2],
      ['replacement', 2],
    ]);
    expect(page.papers.every((p) => (p.abstract ?? '').length > 50)).toBe(true);
  });
});

describe('empty listings', () => {
  it('reads a /new page saying "No updates today." as no sections and no papers', () => {
    const page = parseFixture('list-new-empty-cs.DC.html', 'https://arxiv.org/list/cs.DC/new');
    expect(page).toEqual({
      kind: 'new',
      archive: 'cs.DC',
      title: 'Distributed, Parallel, and Cluster Computing',
      date: '2026-03-02',
      sections: [],
      papers: [],
      problems: [],
    });
  });
});

describe('edge cases on a /new page', () => {
  const page = parseFixture('edge-cases-new.html', 'https://arxiv.org/list/cs.DC/new');

  it('reads all nine entries and keeps the empty cross-list section', () => {
    expect(page).toMatchObject({ total: 9, problems: [] });
    expect(page.papers).toHaveLength(9);
    expect(page.sections[1]).toEqual({ kind: 'cross', heading: 'Cross submissions (showing 0 of 0 entries)', papers: [] });
  });

  it('keeps TeX, &, %, # and _ in titles as typed', () => {
    expect(paper(page, '2602.22916').title).toBe('Planar Separators in $\\tilde O(D)$ Rounds: 100% Deterministic, #P-free & Simple on snake_case Graphs');
  });

  it('splits "and" between authors', () => {
    expect(paper(page, '2602.22916').authors).toEqual(['Yaseen Abd-Elhaleem', 'Michal Dory', 'Oren Weimann']);
  });

  it('drops "et al." and "(N additional authors not shown)" from author lists', () => {
    expect(paper(page, '2511.07885').authors).toEqual(['Jon Saad-Falcon', 'Avanika Narayan', 'Christopher Ré']);
    expect(paper(page, '2602.22457')).toMatchObject({
      authors: ['Dong Xu', 'Han Meng', 'Xinyu Chen'],
      affiliations: ['UC Merced', 'Zhejinag University'],
    });
  });

  it('reads an entry with only a pdf link', () => {
    const pdfOnly = paper(page, '2511.07885');
    expect(pdfOnly.pdfUrl).toBe('https://arxiv.org/pdf/2511.07885');
    expect(pdfOnly.htmlUrl).toBeUndefined();
  });

  it('reads a withdrawn entry with empty [] formats', () => {
    expect(meta(paper(page, '2602.22812'))).toEqual({
      id: '2602.22812',
      title: 'Accelerating Local LLMs on Resource-Constrained Edge Devices via Distributed Prompt Caching',
      authors: ['Hiroki Matsutani', 'Naoki Matsuda', 'Naoto Sugiura'],
      abstract: 'This paper has been withdrawn by the authors.',
      comments: 'This paper has been withdrawn by the authors due to an error in the cache model',
      primarySubject: { name: 'Machine Learning', code: 'cs.LG' },
      subjects: [
        { name: 'Machine Learning', code: 'cs.LG' },
        { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
      ],
      section: 'new',
      absUrl: 'https://arxiv.org/abs/2602.22812',
    });
  });

  it('finds the DOI in a journal-ref and in a DOI line', () => {
    expect(paper(page, '2602.22392').doi).toBe('10.5555/CCGrid64434.2025.00012');
    expect(paper(page, '2602.22434').doi).toBe('10.5555/getbatch.2026.001');
    expect(paper(page, 'cs/0601001').doi).toBeUndefined();
  });

  it('reads urlized comment links as their addresses', () => {
    expect(paper(page, '2602.22434').comments).toBe('11 pages, 3 figures. Code: https://github.com/NVIDIA/aistore, data at https://example.org/getbatch');
  });

  it('moves inline and numbered affiliations with unicode out of the names', () => {
    expect(paper(page, '2602.22434')).toMatchObject({
      authors: ['Alex Aizman', 'Abhishek Gaikwad', 'Piotr Żelasko'],
      affiliations: ['NVIDIA', 'Johns Hopkins University'],
    });
    expect(paper(page, '2602.22852').affiliations).toEqual(['Umeå University', 'Unaffiliated']);
  });

  it('reads replacements, including an old-style id, with the version from the HTML link', () => {
    expect(page.sections[2]?.papers.map((p) => [p.id, p.section, p.version])).toEqual([
      ['2412.15411', 'replacement', 3],
      ['cs/0601001', 'replacement', undefined],
    ]);
    expect(paper(page, 'cs/0601001')).toMatchObject({
      absUrl: 'https://arxiv.org/abs/cs/0601001',
      pdfUrl: 'https://arxiv.org/pdf/cs/0601001',
      journalRef: 'Phys. Rev. A 73, 012345 (2006)',
    });
  });
});

describe('unreadable entries', () => {
  const page = parseFixture('list-malformed-cs.DC.html', 'https://arxiv.org/list/cs.DC/new');

  it('reports each with its position and reason and reads the rest', () => {
    expect(page.papers.map((p) => p.id)).toEqual(['2602.22290', '2602.22437']);
    expect(page.problems).toEqual([
      { index: 1, reason: '<dt> without a <dd> after it' },
      { index: 2, reason: 'no link to the abstract in <dt>' },
      { index: 3, reason: '<dd> without a <dt> before it' },
      { index: 4, reason: 'unreadable arXiv id in <dt>: "arXiv:not-an-id"' },
      { index: 5, reason: 'unexpected nesting: a list inside the entry' },
    ]);
  });
});

describe('classic arXiv listing markup', () => {
  const page = parseFixture('list-new-classic-cs.DC.html', 'https://arxiv.org/list/cs.DC/new');

  it('reads bare <dl> sections with their <h3> before them', () => {
    expect(page).toMatchObject({ kind: 'new', date: '2026-02-27', total: 3, problems: [] });
    expect(page.sections.map((s) => [s.kind, s.heading, s.papers.map((p) => p.id)])).toEqual([
      ['new', 'New submissions for Fri, 27 Feb 26', ['2602.22290']],
      ['cross', 'Cross-lists for Fri, 27 Feb 26', ['2602.22240']],
      ['replacement', 'Replacements for Fri, 27 Feb 26', ['2509.11904']],
    ]);
  });

  it('reads ids from span.list-identifier links and drops the Authors: label', () => {
    expect(meta(paper(page, '2602.22290'))).toMatchObject({
      title: 'Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)',
      authors: ['Yahao Ding', 'Yinchao Yang', 'Mohammad Shikh-Bahaei'],
      comments: '6 pages, 3 figures',
      pdfUrl: 'https://arxiv.org/pdf/2602.22290',
      abstract: 'This paper investigates the problem of minimizing total energy consumption for secure federated learning (FL) in wireless edge networks.',
    });
  });
});

describe('pages whose URL is not a known arXiv page', () => {
  it('are read by their markup, with kind unknown and no archive', () => {
    const page = parseArxivPage(loadFixture('list-new-cs.DC-2026-02-27.html'), 'file:///home/me/saved-listing.html');
    expect(page.kind).toBe('unknown');
    expect(page.archive).toBeUndefined();
    expect(page.papers).toHaveLength(29);
    expect(page.sections.map((s) => s.kind)).toEqual(['new', 'cross', 'replacement']);
  });

  it('read a page with no listing as empty', () => {
    const page = parseArxivPage(parseHtml('<!DOCTYPE html><title>nothing</title><p>Hello</p>'), 'https://arxiv.org/');
    expect(page).toEqual({ kind: 'unknown', title: 'nothing', sections: [], papers: [], problems: [] });
  });
});
