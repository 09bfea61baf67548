// @vitest-environment happy-dom
/**
 * Author pages as a page kind of their own: the URL names them, the page-kind table gives them a
 * listing's triage, and the parser reads the fixture under both of arXiv's spellings.
 */
import { describe, expect, it } from 'vitest';
import { traitsOf } from '@/lib/arxiv/page-kinds';
import { parseArxivPage } from '@/lib/arxiv/parse';
import { listingKeyOf } from '@/lib/arxiv/url';
import { loadFixture } from '../../fixtures/load-fixture';

const DAI_IDS = ['2602.23220', '2602.22423', '2602.22409', '2602.22392'];

describe('the author page kind', () => {
  it.each(['https://arxiv.org/a/dai_d_1', 'https://arxiv.org/a/dai_d_1.html'])('parses %s as an author listing of four papers', (url) => {
    const page = parseArxivPage(loadFixture('author-dai_d_1.html'), url);
    expect(page.kind).toBe('author');
    expect(page.archive).toBeUndefined();
    expect(page.problems).toEqual([]);
    expect(page.papers.map((paper) => paper.id)).toEqual(DAI_IDS);
    expect(listingKeyOf(url)).toBe('a/dai_d_1');
  });

  it('gets a listing’s toolbar and collapsing, and no abstracts on the page', () => {
    const traits = traitsOf('author');
    expect(traits).toMatchObject({ toolbar: true, collapsible: true, controls: 'listing-head', overlay: 'before-entries' });
    expect(traits?.fields).not.toContain('abstract');
  });
});
