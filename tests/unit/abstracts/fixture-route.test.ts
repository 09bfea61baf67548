/**
 * The end-to-end route's stand-in for export.arxiv.org answers from tests/fixtures/api the way the
 * API does: the entries it knows for the ids asked, by GET or POST, none for ids it does not know.
 * Its answers for the /recent fixture carry the abstracts the /new seed shows for the same papers.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '@/lib/abstracts/atom';
import { parseArxivPage } from '@/lib/arxiv/parse';
import { apiResponse } from '../../../scripts/arxiv-routes.mjs';
import { readFixture } from '../../fixtures/load-fixture';

// The route module resolves its folders with Node's URL, which happy-dom's environment would
// replace, so this file runs in Node and builds its documents with a happy-dom window of its own.
const window = new Window();
const loadFixture = (name: string) => new window.DOMParser().parseFromString(readFixture(name), 'text/html') as unknown as Document;

const API = 'https://export.arxiv.org/api/query';

describe('the fixture route for arXiv’s API', () => {
  it('answers every paper of the /recent fixture with the abstract the /new seed shows', () => {
    const recent = parseArxivPage(loadFixture('list-recent-cs.DC.html'), 'https://arxiv.org/list/cs.DC/recent');
    const seed = parseArxivPage(loadFixture('list-new-cs.DC-2026-02-27.html'), 'https://arxiv.org/list/cs.DC/new');
    const ids = recent.papers.map((paper) => paper.id);
    expect(ids.length).toBeGreaterThan(20);
    const { papers } = parseAtomFeed(apiResponse(new URL(`${API}?id_list=${ids.join(',')}&max_results=${ids.length}`)).body);
    expect(papers.map((paper) => paper.id)).toEqual(ids);
    const seedAbstracts = new Map(seed.papers.map((paper) => [paper.id, paper.abstract]));
    // 2602.22812 was withdrawn after that /new page (tests/fixtures/abs-withdrawn-2602.22812.html):
    // the API describes the latest version, the withdrawal.
    for (const paper of papers) {
      if (paper.id === '2602.22812') expect(paper).toMatchObject({ version: 2, withdrawn: true });
      else expect(paper.abstract).toBe(seedAbstracts.get(paper.id));
    }
  });

  it('reads ids from a POST body, honours max_results and leaves out ids it does not know', () => {
    const body = 'id_list=2602.22392,1201.56789,2206.06921,2201.13452&max_results=2';
    const { papers, totalResults } = parseAtomFeed(apiResponse(new URL(API), body).body);
    expect(papers.map((paper) => paper.id)).toEqual(['2602.22392', '2206.06921']);
    expect(totalResults).toBe(2);
  });

  it('answers the withdrawn paper and the November 2025 form of a paper saved in both formats', () => {
    const { papers } = parseAtomFeed(apiResponse(new URL(`${API}?id_list=2602.22812,2206.06921&max_results=2`)).body);
    expect(papers.map((paper) => [paper.id, paper.withdrawn])).toEqual([
      ['2602.22812', true],
      ['2206.06921', false],
    ]);
    // The 2025-08 file lists an MSC class among the categories; the 2025-11 one does not.
    expect(papers[1]?.abstract).toContain('θ');
  });
});
