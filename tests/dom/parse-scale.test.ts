// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { describe, expect, it } from 'vitest';
import { isArxivId } from '../../lib/arxiv/ids';
import { parseArxivPage } from '../../lib/arxiv/parse';
import { parseHtml, readFixture } from '../fixtures/load-fixture';
import { makeListing } from '../fixtures/make-listing';

const SEED = readFixture('list-new-cs.DC-2026-02-27.html');

describe('makeListing', () => {
  it('builds a /new listing of the requested size with unique, valid ids in three sections', () => {
    const page = parseArxivPage(parseHtml(makeListing(SEED, 60)), 'https://arxiv.org/list/cs.DC/new');
    expect(page.problems).toEqual([]);
    expect(page.total).toBe(60);
    expect(page.papers.map((p) => p.id).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `2602.${30000 + i}`));
    expect(page.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['new', 'New submissions (showing 38 of 38 entries)'],
      ['cross', 'Cross submissions (showing 12 of 12 entries)'],
      ['replacement', 'Replacement submissions (showing 10 of 10 entries)'],
    ]);
  });

  it('refuses sizes it cannot give unique ids', () => {
    expect(() => makeListing(SEED, -1)).toThrow(RangeError);
    expect(() => makeListing(SEED, 70_001)).toThrow(RangeError);
    expect(() => makeListing('<html></html>', 3)).toThrow('no <dl');
  });
});

describe('a 2000-entry listing', () => {
  it('parses into 2000 papers with unique, valid ids and no problems', () => {
    const doc = parseHtml(makeListing(SEED, 2000));
    const page = parseArxivPage(doc, 'https://arxiv.org/list/cs.DC/new?skip=0&show=2000');
    expect(page.problems).toEqual([]);
    expect(page.total).toBe(2000);
    expect(page.papers).toHaveLength(2000);
    expect(new Set(page.papers.map((p) => p.id)).size).toBe(2000);
    expect(page.papers.every((p) => isArxivId(p.id) && p.title !== '' && p.authors.length > 0)).toBe(true);
    expect(page.sections.reduce((sum, s) => sum + s.papers.length, 0)).toBe(2000);
  }, 120_000);
});
