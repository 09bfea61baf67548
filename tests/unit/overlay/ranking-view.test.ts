import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArxivId } from '@/lib/arxiv/types';
import { parseSeedIds } from '@/lib/overlay/ranking-seeds';
import { loadSortMode, saveSortMode, rankingSortItem } from '@/lib/overlay/ranking-sort-setting';
import { relevanceLevels, toPageModel, whyLine } from '@/lib/overlay/ranking-view';
import { parseSparseStatistics, toSparseStatistics } from '@/lib/overlay/ranking-wire';
import { addDocument, createDocumentFrequencies } from '@/lib/ranking/document-frequencies';
import { extractFeatures } from '@/lib/ranking/features';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `2601.${String(i + 1).padStart(5, '0')}` as ArxivId);

describe('relevanceLevels', () => {
  it('marks the top tenth high and the next quarter medium, by rank', () => {
    const page = ids(20);
    const levels = relevanceLevels(new Map(page.map((id, i) => [id, -i])));
    expect(page.map((id) => levels.get(id))).toEqual([...Array(2).fill('high'), ...Array(5).fill('medium'), ...Array(13).fill('low')]);
  });

  it('marks nothing without scores', () => {
    expect(relevanceLevels(new Map()).size).toBe(0);
  });
});

describe('whyLine', () => {
  it('names the terms, the authors and the closest paper by title', () => {
    const line = whyLine(
      { terms: [{ label: 'file system', weight: 0.3 }, { label: 'tuning', weight: 0.1 }], authors: [{ label: 'Ada Lovelace', weight: 0.2 }], closest: { id: '2602.22392', similarity: 0.4 } },
      { '2602.22392': 'DIAL: Decentralized I/O AutoTuning' },
    );
    expect(line).toBe('Terms: file system, tuning · Authors: Ada Lovelace · Closest to your “DIAL: Decentralized I/O AutoTuning”');
  });

  it('says so when nothing adds to the score', () => {
    expect(whyLine({ terms: [], authors: [], closest: { id: 'x', similarity: 0 } }, {})).toMatch(/nothing in it/i);
  });
});

describe('toPageModel', () => {
  it('passes on why ranking is off', () => {
    expect(toPageModel({ status: 'off', message: 'Star or tag a paper to sort by your interests.' })).toEqual({ off: 'Star or tag a paper to sort by your interests.' });
  });
});

describe('sparse statistics', () => {
  it('round-trip to the same counts', () => {
    const df = createDocumentFrequencies();
    addDocument(df, extractFeatures({ id: 'a', title: 'Parallel file systems', authors: ['Ada Lovelace'], categories: ['cs.DC'] }));
    addDocument(df, extractFeatures({ id: 'b', title: 'Parallel consensus', authors: [], categories: ['cs.DC'] }));
    const back = parseSparseStatistics(toSparseStatistics(df));
    expect(back.docs).toBe(2);
    expect(back.counts).toEqual(df.counts);
  });
});

describe('parseSeedIds', () => {
  it('reads ids one per line or comma-separated, with prefixes, versions and URLs, once each', () => {
    expect(parseSeedIds('arXiv:2602.22392v2, https://arxiv.org/abs/2602.22409\n2602.22392\nmath/0601001 nope')).toEqual({
      ids: ['2602.22392', '2602.22409', 'math/0601001'],
      authorPages: [],
      rejected: ['nope'],
    });
  });
});

describe('sort setting', () => {
  it('is remembered per listing kind, arXiv order by default', async () => {
    fakeBrowser.reset();
    expect(await loadSortMode('new')).toBe('arxiv');
    await saveSortMode('new', 'for-you');
    expect(await loadSortMode('new')).toBe('for-you');
    expect(await loadSortMode('search')).toBe('arxiv');
    await saveSortMode('new', 'arxiv');
    expect(await rankingSortItem.getValue()).toEqual({});
  });
});
