import { i18n } from '#i18n';
import type { ArxivId } from '@/lib/arxiv/types';
import type { EntryIndex } from './entry-index';

/** How far the reader got on this listing, for the toolbar. */
export interface SeenProgress {
  unseen: number;
  /** The last time a paper of this page was seen: "since ‹day›" reads from it. */
  lastSeenAt?: number;
  /**
   * Whether to offer "Continue": the reader has been here before (some entries are seen) and the
   * first unseen entry is not the first entry, so there is somewhere to jump to.
   */
  canContinue: boolean;
}

/** The page's progress given the seen marks: one pass over the entries, no layout. */
export function seenProgressOf(entries: EntryIndex, seen: ReadonlyMap<ArxivId, number>): SeenProgress {
  let unseen = 0;
  let lastSeenAt: number | undefined;
  let firstUnseen = -1;
  for (const { paper, index } of entries.entries) {
    const at = seen.get(paper.id);
    if (at === undefined) {
      unseen++;
      if (firstUnseen === -1) firstUnseen = index;
    } else if (lastSeenAt === undefined || at > lastSeenAt) lastSeenAt = at;
  }
  const progress: SeenProgress = { unseen, canContinue: lastSeenAt !== undefined && firstUnseen > 0 };
  if (lastSeenAt !== undefined) progress.lastSeenAt = lastSeenAt;
  return progress;
}

/**
 * "since Tue 24 Feb" for a time in the past week or more, "since today" for today, in the
 * reader's locale and time zone.
 */
export function sinceLabel(at: number, now: number = Date.now()): string {
  const day = (time: number) => new Date(time).toDateString();
  if (day(at) === day(now)) return i18n.t('overlay.toolbar.sinceToday');
  return i18n.t('overlay.toolbar.sinceDay', [new Date(at).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })]);
}
