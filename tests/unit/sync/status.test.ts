import { describe, expect, it } from 'vitest';
import { describeCoverage } from '@/lib/sync/status';
import type { Coverage } from '@/lib/sync/wire';
import { coverageOf } from './coverage';

/** Everything synced: 6,100 papers, 300 notes, 12 tags, 4 rules, 2 settings. */
function coverage(overrides: Partial<Coverage> = {}): Coverage {
  return coverageOf({
    papers: { total: 6100, synced: 6100 },
    notes: { total: 300, synced: 300, tooLarge: 0 },
    tags: { total: 12, synced: 12 },
    rules: { total: 4, synced: 4, tooLarge: 0 },
    settings: { total: 2, synced: 2, tooLarge: 0 },
    bytes: 63_488,
    items: 40,
    ...overrides,
  });
}

describe('describeCoverage', () => {
  it.each([
    ['everything', coverage(), 'Syncing all 6,100 papers, 300 notes, 12 tags and 4 rules (62 KB of 100 KB)'],
    [
      'notes too large',
      coverage({ papers: { total: 6100, synced: 6097 }, notes: { total: 300, synced: 297, tooLarge: 3 } }),
      'Syncing 6,097 of 6,100 papers: 3 notes over 8 KB are kept on this device only (62 KB of 100 KB)',
    ],
    [
      'the area full',
      coverage({ papers: { total: 6100, synced: 4800 }, notes: { total: 300, synced: 299, tooLarge: 1 }, bytes: 102_000 }),
      'Syncing 4,800 of 6,100 papers: 1 note over 8 KB is kept on this device only; the 1,299 least recently changed papers are kept on this device only (the sync area is full) (100 KB of 100 KB)',
    ],
    [
      'read marks left out',
      coverage({ read: { total: 900, synced: 0 } }),
      'Syncing 6,100 of 6,100 papers: 900 read marks stay on this device (62 KB of 100 KB)',
    ],
    [
      'every seen mark',
      coverage({ seen: { total: 40_000, synced: 40_000 } }),
      'Syncing all 6,100 papers, 300 notes, 12 tags, 4 rules and 40,000 seen marks (62 KB of 100 KB)',
    ],
    [
      'the oldest seen marks left out',
      coverage({ seen: { total: 52_000, synced: 20_000 }, bytes: 102_000 }),
      "Syncing all 6,100 papers, 300 notes, 12 tags and 4 rules; 20,000 of 52,000 seen marks sync, the newest first: the 32,000 oldest stay on this device only (no room left in the sync area; seen marks go first) (100 KB of 100 KB)",
    ],
    [
      'no room for any seen mark',
      coverage({ papers: { total: 6100, synced: 4800 }, notes: { total: 300, synced: 300, tooLarge: 0 }, seen: { total: 900, synced: 0 }, bytes: 102_000 }),
      "Syncing 4,800 of 6,100 papers: the 1,300 least recently changed papers are kept on this device only (the sync area is full); the listings' 900 seen marks stay on this device only (no room left in the sync area; seen marks go first) (100 KB of 100 KB)",
    ],
    [
      'one of each left out',
      coverageOf({
        papers: { total: 1, synced: 0 },
        read: { total: 1, synced: 0 },
        seen: { total: 2, synced: 1 },
        tags: { total: 12, synced: 11 },
        rules: { total: 4, synced: 3, tooLarge: 1 },
        settings: { total: 2, synced: 1, tooLarge: 0 },
        bytes: 63_488,
      }),
      'Syncing 0 of 1 paper: the 1 least recently changed paper is kept on this device only (the sync area is full); 1 read mark stays on this device; 1 rule over 8 KB or not fitting stays on this device; 1 setting stays on this device; 1 tag colour stays on this device; 1 of 2 seen marks sync, the newest first: the 1 oldest stays on this device only (no room left in the sync area; seen marks go first) (62 KB of 100 KB)',
    ],
    [
      'a note that does not fit',
      coverage({ papers: { total: 6100, synced: 6099 }, notes: { total: 300, synced: 299, tooLarge: 0 }, rules: { total: 4, synced: 2, tooLarge: 0 } }),
      'Syncing 6,099 of 6,100 papers: 1 note does not fit and stays on this device; 2 rules not fitting stay on this device (62 KB of 100 KB)',
    ],
    [
      'one of each, all synced',
      coverage({ papers: { total: 1, synced: 1 }, notes: { total: 1, synced: 1, tooLarge: 0 }, tags: { total: 1, synced: 1 }, rules: { total: 1, synced: 1, tooLarge: 0 }, seen: { total: 1, synced: 1 } }),
      'Syncing all 1 paper, 1 note, 1 tag, 1 rule and 1 seen mark (62 KB of 100 KB)',
    ],
    [
      'papers only',
      coverage({ notes: { total: 0, synced: 0, tooLarge: 0 }, tags: { total: 0, synced: 0 }, rules: { total: 0, synced: 0, tooLarge: 0 } }),
      'Syncing all 6,100 papers (62 KB of 100 KB)',
    ],
    [
      'the one seen mark left out',
      coverage({ seen: { total: 1, synced: 0 } }),
      "Syncing all 6,100 papers, 300 notes, 12 tags and 4 rules; the listings' 1 seen mark stays on this device only (no room left in the sync area; seen marks go first) (62 KB of 100 KB)",
    ],
  ])('says plainly what syncs: %s', (_, input, text) => {
    expect(describeCoverage(input)).toBe(text);
  });

  it('counts the space against the quota it is given', () => {
    expect(describeCoverage(coverage({ notes: { total: 0, synced: 0, tooLarge: 0 }, tags: { total: 0, synced: 0 }, rules: { total: 0, synced: 0, tooLarge: 0 } }), 51_200)).toBe('Syncing all 6,100 papers (62 KB of 50 KB)');
  });
});
