import { describe, expect, it } from 'vitest';
import { describeCoverage } from '@/lib/sync/status';
import type { Coverage } from '@/lib/sync/wire';

function coverage(overrides: Partial<Coverage> = {}): Coverage {
  return {
    papers: { total: 6100, synced: 6100 },
    notes: { total: 300, synced: 300, tooLarge: 0 },
    read: { total: 0, synced: 0 },
    seen: { total: 0, synced: 0 },
    tags: { total: 12, synced: 12 },
    rules: { total: 4, synced: 4, tooLarge: 0 },
    settings: { total: 2, synced: 2, tooLarge: 0 },
    bytes: 63_488,
    items: 40,
    ...overrides,
  };
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
  ])('says plainly what syncs: %s', (_, input, text) => {
    expect(describeCoverage(input)).toBe(text);
  });
});
