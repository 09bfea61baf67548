import { describe, expect, it } from 'vitest';
import { AtomResponseError, papersById, parseAtomFeed } from '@/lib/abstracts/atom';
import { readApiFixture } from './api-fixtures';

function errorOf(body: string): AtomResponseError {
  try {
    parseAtomFeed(body);
  } catch (error) {
    if (error instanceof AtomResponseError) return error;
    throw error;
  }
  throw new Error('parseAtomFeed accepted the body');
}

describe('parseAtomFeed on real API responses', () => {
  it('reads every field of a single-paper response in the November 2025 format', () => {
    const { papers, skipped, totalResults } = parseAtomFeed(readApiFixture('id-list-2206.06921-2025-11.xml'));
    expect(skipped).toEqual([]);
    expect(totalResults).toBe(1);
    expect(papers).toHaveLength(1);
    const [paper] = papers;
    expect(paper).toMatchObject({
      id: '2206.06921',
      version: 3,
      title: 'Attainable forms of Assouad spectra',
      authors: ['Alex Rutar'],
      categories: ['math.CA', 'math.DS', 'math.MG'],
      primary: 'math.CA',
      doi: '10.1512/iumj.2024.73.9928',
      journalRef: 'Indiana Univ. Math. J. 73 (2024), 1331-1356',
      comments:
        '25 pages, 5 figures. v3: Many typo fixes and substantially improved exposition, especially in non-monotonic construction. Some numbering changes from v2. Results unchanged',
      published: Date.UTC(2022, 5, 14, 15, 35, 46),
      updated: Date.UTC(2025, 0, 30, 1, 23, 42),
      withdrawn: false,
    });
    expect(paper?.abstract.startsWith('Let $d\\in\\mathbb{N}$ and let $\\varphi\\colon(0,1)\\to[0,d]$.')).toBe(true);
    // Entities decode; TeX keeps its backslashes and delimiters exactly.
    expect(paper?.abstract).toContain('for every $0<λ<θ<1$, \\[0\\leq (1-λ)');
  });

  it('reads the pre-November 2025 format: per-element namespaces, wrapped lines, MSC classes among categories', () => {
    const [paper] = parseAtomFeed(readApiFixture('id-list-2206.06921-2025-08.xml')).papers;
    expect(paper?.id).toBe('2206.06921');
    expect(paper?.version).toBe(3);
    expect(paper?.categories).toEqual(['math.CA', 'math.DS', 'math.MG']);
    expect(paper?.abstract).toContain('\\[0\\leq (1-\\lambda)\\varphi(\\lambda)');
    expect(paper?.abstract).not.toMatch(/\s{2}|\n/);
    expect(paper?.comments).toBe(
      '25 pages, 5 figures. v3: Many typo fixes and substantially improved exposition, especially in non-monotonic construction. Some numbering changes from v2. Results unchanged',
    );
    expect(paper?.abstract.endsWith('can fail to be H\\"older in a neighbourhood of 1.')).toBe(true);
  });

  it('skips the empty entries the pre-2025 API sent for ids it does not know', () => {
    const feed = parseAtomFeed(readApiFixture('id-list-missing-2025-08.xml'));
    expect(feed.papers.map((paper) => paper.id)).toEqual(['2201.13452']);
    expect(feed.skipped).toEqual([
      { index: 0, reason: 'entry without an id (an id the API does not know)' },
      { index: 2, reason: 'entry without an id (an id the API does not know)' },
      { index: 3, reason: 'entry without an id (an id the API does not know)' },
    ]);
    expect(feed.papers[0]?.categories).toEqual(['math.AP']);
  });

  it('returns only the known paper when today\'s API leaves unknown ids out', () => {
    const feed = parseAtomFeed(readApiFixture('id-list-missing-2025-11.xml'));
    expect(feed.papers.map((paper) => paper.id)).toEqual(['2201.13452']);
    expect(feed.skipped).toEqual([]);
    expect(feed.papers[0]?.title).toBe('Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease');
  });

  it('reads a feed with no entries as no papers', () => {
    expect(parseAtomFeed(readApiFixture('id-list-empty-2025-11.xml'))).toEqual({ papers: [], skipped: [], totalResults: 0 });
  });

  it('reads old-scheme ids, affiliations and several versions from a ten-paper response', () => {
    const feed = parseAtomFeed(readApiFixture('search-electron-proton-2025-11.xml'));
    expect(feed.papers).toHaveLength(10);
    expect(feed.papers.map((paper) => `${paper.id}v${paper.version}`)).toEqual([
      'nucl-ex/0408020v1',
      '1309.4668v1',
      '1606.02159v1',
      '1610.08734v3',
      '2102.00018v2',
      '0803.1617v1',
      '1205.6628v2',
      'nucl-th/9910021v3',
      '1602.03411v1',
      '1401.3666v2',
    ]);
    const ecloud = papersById(feed).get('1309.4668' as never);
    expect(ecloud?.affiliations).toEqual(['Rutherford']);
    expect(ecloud?.authors).toEqual(['A. Pertica', 'S. J. Payne']);
    expect(ecloud?.doi).toBe('10.5170/CERN-2013-002.237');
    expect(feed.papers[0]?.authors).toHaveLength(9);
    expect(feed.papers[0]?.categories).toEqual(['nucl-ex', 'hep-ph']);
  });
});

describe('parseAtomFeed on derived hard cases', () => {
  it('matches results by id whatever order the API answers in', () => {
    const byId = papersById(parseAtomFeed(readApiFixture('derived-id-list-out-of-order.xml')));
    const requested = ['1309.4668', 'nucl-ex/0408020', '1610.08734', '2102.00018'];
    expect(requested.map((id) => byId.get(id as never)?.id)).toEqual(requested);
    expect(byId.get('1610.08734' as never)?.version).toBe(3);
  });

  it('marks a withdrawn paper and keeps its withdrawal notice as the abstract', () => {
    const [paper] = parseAtomFeed(readApiFixture('derived-withdrawn-2602.22812.xml')).papers;
    expect(paper).toMatchObject({ id: '2602.22812', version: 2, withdrawn: true, abstract: 'This paper has been withdrawn by the authors.' });
    expect(paper?.primary).toBe('cs.LG');
  });

  it.each([
    ['This paper has been withdrawn by the author', true],
    ['Withdrawn: duplicate of 2601.00001', true],
    ['This article was withdrawn due to an error', true],
    ['We study withdrawn liquidity in markets', false],
    ['An error was found; the claim is withdrawn', false],
  ])('calls the comment %j withdrawn: %s', (comment, withdrawn) => {
    const body = readApiFixture('id-list-missing-2025-11.xml').replace('<arxiv:comment>34 pages</arxiv:comment>', `<arxiv:comment>${comment}</arxiv:comment>`);
    expect(parseAtomFeed(body).papers[0]?.withdrawn).toBe(withdrawn);
  });

  it("throws an api-error carrying arXiv's message for the error feed", () => {
    const error = errorOf(readApiFixture('derived-api-error.xml'));
    expect(error.kind).toBe('api-error');
    expect(error.messages).toEqual(['incorrect id format for 2201.1345']);
    expect(error.message).toBe('arXiv API error: incorrect id format for 2201.1345');
  });

  it('rejects a truncated response whole, naming the line and column, with no partial papers', () => {
    const error = errorOf(readApiFixture('derived-malformed-truncated.xml'));
    expect(error.kind).toBe('malformed-xml');
    expect(error.message).toMatch(/^arXiv's response is not well-formed XML \(line \d+, column \d+\): /);
  });

  it.each([
    ['an unclosed element', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2201.13452v1</id></feed>'],
    ['an undefined entity', '<feed><title>Caf&eacute;</title></feed>'],
    ['text after the root', '<feed></feed>trailing'],
    ['an empty body', ''],
  ])('rejects %s as malformed XML', (_, body) => {
    expect(errorOf(body).kind).toBe('malformed-xml');
  });

  it('recognises an HTML error page before trying to read it as XML', () => {
    const error = errorOf(readApiFixture('derived-html-error.html'));
    expect(error.kind).toBe('html-page');
    expect(error.message).toBe('arXiv answered with an HTML page instead of an Atom feed');
  });

  it('refuses XML that is not an Atom feed', () => {
    const error = errorOf('<?xml version="1.0"?><error><message>rate exceeded</message></error>');
    expect(error).toMatchObject({ kind: 'not-atom', message: 'arXiv answered with a <error> document instead of an Atom feed' });
  });

  it('skips entries whose id is not an abstract URL or that have no title, and says why', () => {
    const body = `<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><id>http://example.org/abs/2201.13452v1</id><title>Elsewhere</title></entry>
      <entry><id>http://arxiv.org/abs/2201.13452v1</id></entry>
      <entry><id>http://arxiv.org/abs/not-an-id</id><title>Bad</title></entry>
    </feed>`;
    expect(parseAtomFeed(body)).toEqual({
      papers: [],
      skipped: [
        { index: 0, reason: 'entry id is not an arXiv abstract URL: "http://example.org/abs/2201.13452v1"' },
        { index: 1, reason: 'entry 2201.13452 has no title' },
        { index: 2, reason: 'entry id is not an arXiv abstract URL: "http://arxiv.org/abs/not-an-id"' },
      ],
    });
  });

  it('keeps markup-like text in titles as text and leaves no whitespace runs', () => {
    const body = `<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <id>http://arxiv.org/abs/2201.13452</id>
      <title>  A &lt;script&gt; in   the
        title: $\\tilde O(D)$ </title>
      <summary><![CDATA[ CDATA with <b>tags</b>  kept ]]></summary>
    </entry></feed>`;
    const [paper] = parseAtomFeed(body).papers;
    expect(paper).toMatchObject({ id: '2201.13452', title: 'A <script> in the title: $\\tilde O(D)$', abstract: 'CDATA with <b>tags</b> kept' });
    expect(paper?.version).toBeUndefined();
  });
});
