// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
/**
 * The author-page fixture (`/a/dai_d_1`, arxiv-browse `list/author.html`) is read by today's
 * listing parser as it stands, and its papers' abstracts, left out of the page, are what the
 * `/new` seed and the derived API response both say: the data an end-to-end test of "abstracts
 * on author pages" needs.
 */
import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '@/lib/abstracts/atom';
import { fromApiPaper, fromPagePaper } from '@/lib/abstracts/cache-policy';
import { parseArxivPage } from '@/lib/arxiv/parse';
import { loadFixture } from '../../fixtures/load-fixture';
import { readApiFixture } from './api-fixtures';

const AUTHOR_URL = 'https://arxiv.org/a/dai_d_1';
const DAI_IDS = ['2602.23220', '2602.22423', '2602.22409', '2602.22392'];

describe('author page fixture', () => {
  const page = parseArxivPage(loadFixture('author-dai_d_1.html'), AUTHOR_URL);

  it('has one heading-less section of four entries, newest first, and no problems', () => {
    expect(page.problems).toEqual([]);
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0]?.heading).toBe('');
    expect(page.papers.map((paper) => paper.id)).toEqual(DAI_IDS);
    expect(page.title).toBe("Dong Dai's articles on arXiv");
    expect(page.total).toBeUndefined();
  });

  it('shows titles, authors and subjects but no abstracts', () => {
    for (const paper of page.papers) {
      expect(paper.abstract).toBeUndefined();
      expect(paper.title).not.toBe('');
      expect(paper.authors).toContain('Dong Dai');
      expect(paper.primarySubject?.code).toBe('cs.DC');
      expect(paper.section).toBe('new');
    }
  });

  it('has, for each paper, the abstract the /new seed shows and the derived API response returns', () => {
    const seed = parseArxivPage(loadFixture('list-new-cs.DC-2026-02-27.html'), 'https://arxiv.org/list/cs.DC/new');
    const api = parseAtomFeed(readApiFixture('derived-id-list-dai_d_1.xml'));
    const fromSeed = new Map(seed.papers.map((paper) => [paper.id, fromPagePaper(paper, 0)]));
    const fromApi = new Map(api.papers.map((paper) => [paper.id, fromApiPaper(paper, 0)]));
    for (const id of DAI_IDS) {
      const seeded = fromSeed.get(id as never);
      const fetched = fromApi.get(id as never);
      expect(seeded?.abstract.length).toBeGreaterThan(200);
      expect(fetched?.abstract).toBe(seeded?.abstract);
      expect(fetched?.title).toBe(seeded?.title);
      expect(fetched?.authors).toEqual(seeded?.authors);
    }
  });
});
