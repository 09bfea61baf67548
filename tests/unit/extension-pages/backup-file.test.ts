import { describe, expect, it } from 'vitest';
import type { ImportReport } from '@/lib/store/backup-format';
import { backupFileName, summarizeRestore, totalOf } from '@/lib/extension-pages/backup-file';

const none = { added: 0, updated: 0, unchanged: 0, removed: 0 };
const report = (papers: Partial<typeof none>, tags: Partial<typeof none> = {}): ImportReport => ({
  papers: { ...none, ...papers },
  tags: { ...none, ...tags },
  rules: none,
  seen: none,
});

describe('backupFileName', () => {
  it.each([
    [new Date(2026, 1, 27), 'arxiv-sift-backup-2026-02-27.json'],
    [new Date(2026, 11, 3, 23, 59), 'arxiv-sift-backup-2026-12-03.json'],
  ])('names a backup made on %s by the local day', (date, expected) => {
    expect(backupFileName(date)).toBe(expected);
  });
});

describe('summarizeRestore', () => {
  it.each([
    ['additions and updates', report({ added: 3, updated: 1 }, { added: 2 }), 'Restored: 5 added, 1 updated.'],
    ['removals and untouched records (replace)', report({ added: 1, removed: 2, unchanged: 4 }), 'Restored: 1 added, 0 updated, 2 removed, 4 already up to date.'],
    ['a backup already fully present', report({ unchanged: 7 }), 'Nothing changed: everything in the backup was already here.'],
    ['an empty backup merged', report({}), 'Restored: the backup was empty and nothing was removed.'],
  ])('describes %s', (_case, input, expected) => {
    expect(summarizeRestore(input)).toBe(expected);
  });

  it('sums every table', () => {
    expect(totalOf(report({ added: 1, removed: 1 }, { added: 2, unchanged: 3 }))).toEqual({ added: 3, updated: 0, unchanged: 3, removed: 1 });
  });
});
