import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '@/lib/abstracts/atom';
import {
  CACHE_LIMITS,
  cacheDecision,
  estimateBytes,
  evictionTarget,
  fromApiPaper,
  fromPagePaper,
  mergeCached,
  pickEvictions,
  shouldTouch,
  TOUCH_INTERVAL_MS,
  type CachedAbstract,
} from '@/lib/abstracts/cache-policy';
import type { ArxivId, PaperMeta } from '@/lib/arxiv/types';
import { readApiFixture } from './api-fixtures';

const NOW = Date.UTC(2026, 2, 2, 9);
const [assouad] = parseAtomFeed(readApiFixture('id-list-2206.06921-2025-11.xml')).papers;
if (!assouad) throw new Error('fixture has no paper');

function record(id: string, overrides: Partial<CachedAbstract> = {}): CachedAbstract {
  return { ...fromApiPaper({ ...assouad!, id: id as ArxivId }, NOW), ...overrides };
}

const pagePaper: PaperMeta = {
  id: '2602.22290' as ArxivId,
  version: 1,
  title: 'Scheduling $\\tilde O(D)$ rounds',
  authors: ['Ada Lovelace', 'Alan Turing'],
  abstract: 'We schedule in $\\tilde O(D)$ rounds.',
  comments: '12 pages',
  primarySubject: { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
  subjects: [
    { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
    { name: 'Data Structures and Algorithms', code: 'cs.DS' },
  ],
  section: 'new',
  absUrl: 'https://arxiv.org/abs/2602.22290',
};

describe('cache records', () => {
  it('keeps every field of an API paper, stamped with the time it was stored', () => {
    const cached = fromApiPaper(assouad, NOW);
    expect(cached).toMatchObject({
      id: '2206.06921',
      version: 3,
      title: 'Attainable forms of Assouad spectra',
      authors: ['Alex Rutar'],
      categories: ['math.CA', 'math.DS', 'math.MG'],
      primary: 'math.CA',
      doi: '10.1512/iumj.2024.73.9928',
      journalRef: 'Indiana Univ. Math. J. 73 (2024), 1331-1356',
      withdrawn: false,
      source: 'api',
      storedAt: NOW,
      usedAt: NOW,
    });
    expect(cached.abstract).toBe(assouad.abstract);
    expect(cached.bytes).toBe(estimateBytes(cached));
  });

  it('caches a page paper with its abstract, category codes primary first, and nothing without one', () => {
    expect(fromPagePaper(pagePaper, NOW)).toMatchObject({
      id: '2602.22290',
      version: 1,
      abstract: 'We schedule in $\\tilde O(D)$ rounds.',
      categories: ['cs.DC', 'cs.DS'],
      primary: 'cs.DC',
      comments: '12 pages',
      source: 'page',
    });
    const { abstract: _, ...withoutAbstract } = pagePaper;
    expect(fromPagePaper(withoutAbstract, NOW)).toBeUndefined();
    expect(fromPagePaper({ ...pagePaper, abstract: '' }, NOW)).toBeUndefined();
  });

  it('sizes records by their UTF-8 text, so multi-byte text and long author lists weigh more', () => {
    const ascii = record('2602.00001', { abstract: 'a'.repeat(1000) });
    const greek = record('2602.00001', { abstract: 'θ'.repeat(1000) });
    expect(estimateBytes(greek) - estimateBytes(ascii)).toBe(1000);
    const collaboration = record('2602.00001', { authors: Array.from({ length: 3000 }, (_, index) => `Author Number ${index}`) });
    expect(estimateBytes(collaboration)).toBeGreaterThan(50_000);
  });

  it('keeps a typical paper near 1.5 KB, so 50,000 fit well within 100 MB', () => {
    const papers = parseAtomFeed(readApiFixture('search-electron-proton-2025-11.xml')).papers;
    const mean = papers.reduce((sum, paper) => sum + fromApiPaper(paper, NOW).bytes, 0) / papers.length;
    expect(mean).toBeGreaterThan(800);
    expect(mean).toBeLessThan(2_000);
    expect(mean * CACHE_LIMITS.maxEntries).toBeLessThan(CACHE_LIMITS.maxBytes);
  });
});

describe('cacheDecision', () => {
  it.each([
    ['nothing cached', undefined, 2, 'miss'],
    ['the same version', record('2206.06921', { version: 3 }), 3, 'hit'],
    ['a newer cached version', record('2206.06921', { version: 3 }), 2, 'hit'],
    ['an older cached version', record('2206.06921', { version: 2 }), 3, 'stale'],
    ['a page without a version', record('2206.06921', { version: 2 }), undefined, 'hit'],
    ['a cached record without a version', record('2206.06921', { version: undefined }), 3, 'hit'],
  ] as const)('with %s is a %s', (_, cached, pageVersion, decision) => {
    expect(cacheDecision(cached, pageVersion)).toBe(decision);
  });
});

describe('mergeCached', () => {
  it('keeps the newer version and the later use', () => {
    const v3 = record('2206.06921', { version: 3, usedAt: NOW - 10, abstract: 'v3 text' });
    const v2 = record('2206.06921', { version: 2, usedAt: NOW, abstract: 'v2 text' });
    expect(mergeCached(v3, v2)).toMatchObject({ version: 3, abstract: 'v3 text', usedAt: NOW });
    expect(mergeCached(v2, v3)).toMatchObject({ version: 3, abstract: 'v3 text', usedAt: NOW });
  });

  it('takes the incoming record when versions are equal or unknown, or nothing was cached', () => {
    const page = record('2206.06921', { source: 'page', version: undefined });
    const api = record('2206.06921', { source: 'api', version: 3 });
    expect(mergeCached(page, api).source).toBe('api');
    expect(mergeCached(api, page).source).toBe('page');
    expect(mergeCached(undefined, api)).toBe(api);
  });
});

describe('shouldTouch', () => {
  it('writes "last used" back at most once a day', () => {
    expect(shouldTouch({ usedAt: NOW }, NOW + TOUCH_INTERVAL_MS - 1)).toBe(false);
    expect(shouldTouch({ usedAt: NOW }, NOW + TOUCH_INTERVAL_MS)).toBe(true);
  });
});

describe('eviction', () => {
  it.each([
    ['within both bounds', { entries: 50_000, bytes: 100_000_000 }, { entries: 0, bytes: 0 }],
    ['one paper over the count', { entries: 50_001, bytes: 70_000_000 }, { entries: 5_001, bytes: 0 }],
    ['over the bytes', { entries: 30_000, bytes: 100_000_001 }, { entries: 0, bytes: 10_000_001 }],
    ['over both', { entries: 60_000, bytes: 120_000_000 }, { entries: 15_000, bytes: 30_000_000 }],
  ])('%s: frees %j', (_, totals, target) => {
    expect(evictionTarget(totals)).toEqual(target);
  });

  it('takes the oldest records until both the count and the bytes are freed', () => {
    const oldestFirst = [
      { id: 'a' as ArxivId, bytes: 100 },
      { id: 'b' as ArxivId, bytes: 5_000 },
      { id: 'c' as ArxivId, bytes: 100 },
      { id: 'd' as ArxivId, bytes: 100 },
    ];
    expect(pickEvictions(oldestFirst, { entries: 1, bytes: 0 })).toEqual(['a']);
    expect(pickEvictions(oldestFirst, { entries: 1, bytes: 5_050 })).toEqual(['a', 'b']);
    expect(pickEvictions(oldestFirst, { entries: 3, bytes: 150 })).toEqual(['a', 'b', 'c']);
    expect(pickEvictions(oldestFirst, { entries: 0, bytes: 0 })).toEqual([]);
    expect(pickEvictions(oldestFirst, { entries: 10, bytes: 0 })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads no further than it needs', () => {
    let read = 0;
    function* cursor() {
      for (let index = 0; index < 1_000_000; index += 1) {
        read += 1;
        yield { id: `2602.${index}` as ArxivId, bytes: 1_000 };
      }
    }
    expect(pickEvictions(cursor(), { entries: 3, bytes: 0 })).toHaveLength(3);
    expect(read).toBe(3);
  });

  it('brings a cache over the bound back under it once the picked records are gone', () => {
    const records = Array.from({ length: 52_000 }, (_, index) => ({ id: `${index}` as ArxivId, bytes: 1_500 }));
    const totals = { entries: records.length, bytes: records.length * 1_500 };
    const evicted = pickEvictions(records, evictionTarget(totals));
    expect(records.length - evicted.length).toBe(45_000);
    expect(evictionTarget({ entries: records.length - evicted.length, bytes: (records.length - evicted.length) * 1_500 })).toEqual({ entries: 0, bytes: 0 });
  });
});
