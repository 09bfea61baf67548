/** The sync status in plain words, for the options page's Sync section. */
import { i18n, type GeneratedI18nStructure } from '#i18n';
import type { Coverage } from './wire';

/** Counts are grouped the way the catalogue's language writes numbers ("6,100"), not the browser's. */
const count = (n: number) => n.toLocaleString(i18n.t('sync.numberLocale'));

/** "62 KB of 100 KB": the share of the sync area in use, as the status line and the Space used row say it. */
export function describeSpace(bytes: number, quotaBytes: number): string {
  return i18n.t('sync.space', { used: Math.round(bytes / 1024), quota: Math.round(quotaBytes / 1024) });
}

/** "a, b and c" by the catalogue's list words. */
function listOf(items: readonly string[]): string {
  const last = items.at(-1) ?? '';
  if (items.length < 2) return last;
  return i18n.t('sync.status.listAnd', { items: items.slice(0, -1).join(i18n.t('sync.status.listComma')), last });
}

/**
 * What an encoding put in the sync area, said plainly. Everything synced:
 * "Syncing all 6,100 papers, 300 notes and 12 tags (62 KB of 100 KB)". Over quota, what stays on
 * this device and why: "Syncing 4,800 of 6,100 papers: 3 notes over 8 KB are kept on this device
 * only; the 1,297 least recently changed papers are kept on this device only (the sync area is
 * full)". Seen marks, which get room last, say how many of them sync: "…; 20,000 of 52,000 seen
 * marks sync, the newest first: the 32,000 oldest stay on this device only (no room left in the
 * sync area; seen marks go first)". Each clause is one catalogue message, plural on its own count,
 * so a translation can order its words as its language does.
 */
export function describeCoverage(coverage: Coverage, quotaBytes = 102_400): string {
  const { papers, notes, read, seen, rules, settings, tags } = coverage;
  const space = describeSpace(coverage.bytes, quotaBytes);
  const clause = (key: Extract<keyof GeneratedI18nStructure, `sync.status.kept.${string}`>, n: number) => i18n.t(key, n, { count: count(n) });
  const kept: string[] = [];
  if (notes.tooLarge > 0) kept.push(clause('sync.status.kept.notesTooLarge', notes.tooLarge));
  const notesOut = notes.total - notes.synced - notes.tooLarge;
  const papersOut = papers.total - papers.synced;
  // Papers left out whole for lack of room, beyond those missing only a note.
  const spaceOut = papersOut - notes.tooLarge - notesOut;
  if (spaceOut > 0) kept.push(clause('sync.status.kept.papers', spaceOut));
  if (notesOut > 0) kept.push(clause('sync.status.kept.notes', notesOut));
  if (read.synced < read.total) kept.push(clause('sync.status.kept.readMarks', read.total - read.synced));
  const rulesOut = rules.total - rules.synced;
  if (rulesOut > 0) kept.push(clause(rules.tooLarge > 0 ? 'sync.status.kept.rulesTooLarge' : 'sync.status.kept.rules', rulesOut));
  const settingsOut = settings.total - settings.synced;
  if (settingsOut > 0) kept.push(clause('sync.status.kept.settings', settingsOut));
  if (tags.synced < tags.total) kept.push(clause('sync.status.kept.tagColours', tags.total - tags.synced));
  // Seen marks are what sync gives up first, so they get a clause of their own and never make
  // the papers look partly synced.
  const seenOut = seen.total - seen.synced;
  const seenClause =
    seenOut === 0
      ? undefined
      : seen.synced === 0
        ? clause('sync.status.kept.allSeenMarks', seen.total)
        : i18n.t('sync.status.oldestSeenMarks', seenOut, {
            count: count(seenOut),
            synced: count(seen.synced),
            seenMarks: i18n.t('sync.status.seenMarks', seen.total, { count: count(seen.total) }),
          });
  if (kept.length === 0) {
    const parts = [i18n.t('sync.status.allPapers', papers.total, { count: count(papers.total) })];
    if (notes.total > 0) parts.push(i18n.t('sync.status.notes', notes.total, { count: count(notes.total) }));
    if (tags.total > 0) parts.push(i18n.t('sync.status.tags', tags.total, { count: count(tags.total) }));
    if (rules.total > 0) parts.push(i18n.t('sync.status.rules', rules.total, { count: count(rules.total) }));
    if (seen.total > 0 && seenOut === 0) parts.push(i18n.t('sync.status.seenMarks', seen.total, { count: count(seen.total) }));
    const items = listOf(parts);
    return seenClause === undefined ? i18n.t('sync.status.everything', { items, space }) : i18n.t('sync.status.everythingButSeenMarks', { items, seen: seenClause, space });
  }
  if (seenClause !== undefined) kept.push(seenClause);
  return i18n.t('sync.status.partly', papers.total, {
    count: count(papers.total),
    synced: count(papers.synced),
    kept: kept.join(i18n.t('sync.status.clauseSeparator')),
    space,
  });
}
