// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { describe, expect, it } from 'vitest';
import { parseArxivPage, type Paper } from '../../lib/arxiv/parse';
import { loadFixture } from '../fixtures/load-fixture';

const URL_ = 'https://arxiv.org/search/?query=distributed&searchtype=all&abstracts=show&order=-announced_date_first&size=50';
const page = parseArxivPage(loadFixture('search-results.html'), URL_);

function paper(id: string): Paper {
  const found = page.papers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no paper ${id}`);
  return found;
}

describe('search results', () => {
  it('reads the page: kind, heading, total and one results section', () => {
    expect(page).toMatchObject({
      kind: 'search',
      title: 'Showing 1–7 of 7 results for all: distributed',
      total: 7,
      problems: [],
    });
    expect(page.archive).toBeUndefined();
    expect(page.sections).toEqual([{ kind: 'results', heading: 'Showing 1–7 of 7 results for all: distributed', papers: page.papers }]);
  });

  it('reads every li.arxiv-result in page order, old-style ids included', () => {
    expect(page.papers.map((p) => p.id)).toEqual([
      '2602.22290',
      '2602.22633',
      '2509.11904',
      '2602.22812',
      '2602.22392',
      '2511.07885',
      'math/0601001',
    ]);
    expect(page.papers.every((p) => p.section === 'results')).toBe(true);
  });

  it('reads a result fully, with highlights flattened and the full abstract without its toggle', () => {
    const { element, ...rest } = paper('2602.22290');
    expect(rest).toEqual({
      id: '2602.22290',
      version: 1,
      title: 'Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)',
      authors: ['Yahao Ding', 'Yinchao Yang', 'Jiaxiang Wang', 'Mohammad Shikh-Bahaei'],
      abstract:
        'This paper investigates the problem of minimizing total energy consumption for secure federated learning (FL) in wireless edge networks, a key paradigm for decentralized big data analytics. Simulation results show that the proposed framework achieves up to 83.3% energy reduction.',
      comments: '6 pages, 3 figures',
      primarySubject: { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
      subjects: [{ name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' }],
      section: 'results',
      absUrl: 'https://arxiv.org/abs/2602.22290',
      pdfUrl: 'https://arxiv.org/pdf/2602.22290',
      htmlUrl: 'https://arxiv.org/html/2602.22290v1',
    });
    expect(element.head.localName).toBe('li');
    expect(element.nodes).toEqual([element.head]);
  });

  it('reads a result shown at an old version with its version in the id', () => {
    expect(paper('2509.11904')).toMatchObject({
      version: 1,
      absUrl: 'https://arxiv.org/abs/2509.11904v1',
      pdfUrl: 'https://arxiv.org/pdf/2509.11904v1',
    });
  });

  it('reads a withdrawn result without format links', () => {
    const withdrawn = paper('2602.22812');
    expect(withdrawn).toMatchObject({
      comments: 'This paper has been withdrawn by the authors due to an error in the cache model',
      abstract: 'This paper has been withdrawn by the authors.',
    });
    expect(withdrawn.pdfUrl).toBeUndefined();
    expect(withdrawn.htmlUrl).toBeUndefined();
  });

  it('reads subjects from the tags, names from their tooltips, primary first', () => {
    expect(paper('2602.22633').subjects).toEqual([
      { name: 'Machine Learning', code: 'cs.LG' },
      { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
    ]);
    expect(paper('2602.22633').primarySubject).toEqual({ name: 'Machine Learning', code: 'cs.LG' });
  });

  it('reads the DOI tag and the journal reference', () => {
    expect(paper('2602.22392')).toMatchObject({
      doi: '10.5555/CCGrid64434.2025.00012',
      journalRef: '2025 IEEE 25th International Symposium on Cluster, Cloud and Internet Computing (CCGrid) (pp. 01-04)',
      title: 'DIAL: Decentralized I/O AutoTuning via Learned Client-side Local Metrics for Parallel File System',
    });
  });

  it('drops "et al. (N additional authors not shown)" and reads the version from the HTML link', () => {
    expect(paper('2511.07885')).toMatchObject({
      authors: ['Jon Saad-Falcon', 'Avanika Narayan', 'Christopher Ré', 'John Hennessy', 'Azalia Mirhoseini'],
      version: 2,
    });
  });

  it('keeps TeX in titles and abstracts', () => {
    expect(paper('math/0601001')).toMatchObject({
      title: 'A Simple Distributed Deterministic Planar Separator in $\\tilde O(D)$ Rounds',
      abstract: expect.stringContaining('A balanced separator of a graph $G$ is a set of vertices'),
      absUrl: 'https://arxiv.org/abs/math/0601001',
    });
  });
});
