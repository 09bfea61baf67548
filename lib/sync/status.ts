/** The sync status in plain words, for the options page's Sync section. */
import type { Coverage } from './wire';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/**
 * What an encoding put in the sync area, said plainly. Everything synced:
 * "Syncing all 6,100 papers, 300 notes and 12 tags (62 KB of 100 KB)". Over quota, what stays on
 * this device and why: "Syncing 4,800 of 6,100 papers: 3 notes over 8 KB are kept on this device
 * only; the 1,297 least recently changed papers are kept on this device only (the sync area is
 * full)". Seen marks, which get room last, say how many of them sync: "…; 20,000 of 52,000 seen
 * marks sync, the newest first: the 32,000 oldest stay on this device only (no room left in the
 * sync area; seen marks go first)".
 */
export function describeCoverage(coverage: Coverage, quotaBytes = 102_400): string {
  const { papers, notes, read, seen, rules, settings, tags } = coverage;
  const kb = `${Math.round(coverage.bytes / 1024)} KB of ${Math.round(quotaBytes / 1024)} KB`;
  const kept: string[] = [];
  if (notes.tooLarge > 0) kept.push(`${plural(notes.tooLarge, 'note', 'notes')} over 8 KB ${notes.tooLarge === 1 ? 'is' : 'are'} kept on this device only`);
  const notesOut = notes.total - notes.synced - notes.tooLarge;
  const papersOut = papers.total - papers.synced;
  // Papers left out whole for lack of room, beyond those missing only a note.
  const spaceOut = papersOut - notes.tooLarge - notesOut;
  if (spaceOut > 0) {
    kept.push(`the ${plural(spaceOut, 'least recently changed paper', 'least recently changed papers')} ${spaceOut === 1 ? 'is' : 'are'} kept on this device only (the sync area is full)`);
  }
  if (notesOut > 0) kept.push(`${plural(notesOut, 'note does', 'notes do')} not fit and stay on this device`);
  if (read.synced < read.total) kept.push(`${plural(read.total - read.synced, 'read mark', 'read marks')} stay on this device`);
  const rulesOut = rules.total - rules.synced;
  if (rulesOut > 0) kept.push(`${plural(rulesOut, 'rule', 'rules')} ${rules.tooLarge > 0 ? 'over 8 KB or ' : ''}not fitting stay on this device`);
  const settingsOut = settings.total - settings.synced;
  if (settingsOut > 0) kept.push(`${plural(settingsOut, 'setting', 'settings')} stay on this device`);
  if (tags.synced < tags.total) kept.push(`${plural(tags.total - tags.synced, 'tag colour', 'tag colours')} stay on this device`);
  // Seen marks are what sync gives up first, so they get a sentence of their own and never make
  // the papers look partly synced.
  const seenOut = seen.total - seen.synced;
  const seenNote =
    seenOut === 0
      ? ''
      : seen.synced === 0
        ? `; the listings' ${plural(seen.total, 'seen mark stays', 'seen marks stay')} on this device only (no room left in the sync area; seen marks go first)`
        : `; ${count(seen.synced)} of ${plural(seen.total, 'seen mark', 'seen marks')} sync, the newest first: the ${plural(seenOut, 'oldest stays', 'oldest stay')} on this device only (no room left in the sync area; seen marks go first)`;
  if (kept.length === 0) {
    const parts = [`all ${plural(papers.total, 'paper', 'papers')}`];
    if (notes.total > 0) parts.push(plural(notes.total, 'note', 'notes'));
    if (tags.total > 0) parts.push(plural(tags.total, 'tag', 'tags'));
    if (rules.total > 0) parts.push(plural(rules.total, 'rule', 'rules'));
    if (seen.total > 0 && seenOut === 0) parts.push(plural(seen.total, 'seen mark', 'seen marks'));
    const last = parts.pop()!;
    return `Syncing ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}${seenNote} (${kb})`;
  }
  return `Syncing ${count(papers.synced)} of ${plural(papers.total, 'paper', 'papers')}: ${kept.join('; ')}${seenNote} (${kb})`;
}
