/** What the options page names a backup file and says after a restore. */
import { i18n } from '#i18n';
import type { ImportCounts, ImportReport } from '@/lib/store/backup-format';
import { TABLE_NAMES, type TableName } from '@/lib/store/tables';

/** How the restore report names each table. */
export const TABLE_LABELS: Readonly<Record<TableName, string>> = {
  papers: i18n.t('options.backup.tables.papers'),
  tags: i18n.t('options.backup.tables.tags'),
  rules: i18n.t('options.backup.tables.rules'),
  seen: i18n.t('options.backup.tables.seen'),
};

/**
 * The download name of a backup made at `date`, by the local calendar day, distinct from the
 * reading-list exports (`arxiv-sift-<day>.json`) so a backup is never mistaken for one.
 *
 * @example backupFileName(new Date(2026, 1, 27)) // 'arxiv-sift-backup-2026-02-27.json'
 */
export function backupFileName(date: Date): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'));
  return `arxiv-sift-backup-${day.join('-')}.json`;
}

/** The report's counts summed over every table. */
export function totalOf(report: ImportReport): ImportCounts {
  const total: ImportCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  for (const name of TABLE_NAMES) {
    const counts = report[name];
    total.added += counts.added;
    total.updated += counts.updated;
    total.unchanged += counts.unchanged;
    total.removed += counts.removed;
  }
  return total;
}

/**
 * One sentence for the top of a restore report: what changed overall, or that nothing did.
 *
 * @example summarizeRestore(report) // 'Restored: 3 added, 1 updated, 2 removed, 10 already up to date.'
 */
export function summarizeRestore(report: ImportReport): string {
  const { added, updated, unchanged, removed } = totalOf(report);
  if (added + updated + removed === 0) {
    return i18n.t(unchanged === 0 ? 'options.backup.summary.empty' : 'options.backup.summary.unchanged');
  }
  // Each count is a phrase of its own, with its own plural, in a list the sentence holds.
  const parts = [i18n.t('options.backup.summary.added', added), i18n.t('options.backup.summary.updated', updated)];
  if (removed > 0) parts.push(i18n.t('options.backup.summary.removed', removed));
  if (unchanged > 0) parts.push(i18n.t('options.backup.summary.upToDate', unchanged));
  return i18n.t('options.backup.summary.changed', { changes: parts.join(i18n.t('options.listSeparator')) });
}
