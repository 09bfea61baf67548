/**
 * Per-listing visit memory: which ids the user has already been shown on `cs.DC/new` and friends,
 * so the overlay can mark what appeared since the last visit.
 */
import type { ArxivId } from '@/lib/arxiv/types';
import type { StoreOutcome, VisitResult } from './api';
import { MAX_SEEN_IDS, VISIT_SESSION_MS, type SiftDb } from './db';

/**
 * `seen` followed by the ids of `more` it lacks, keeping only the newest {@link MAX_SEEN_IDS}.
 * Example: `appendSeenIds(['a', 'b'], ['b', 'c'])` → `['a', 'b', 'c']`.
 */
export function appendSeenIds(seen: readonly ArxivId[], more: readonly ArxivId[]): ArxivId[] {
  const known = new Set(seen);
  const added = [...new Set(more)].filter((id) => !known.has(id));
  return [...seen, ...added].slice(-MAX_SEEN_IDS);
}

/**
 * Records a visit of `listing` showing `ids` and answers which of them were not shown before the
 * current reading session. On the first visit nothing counts as new: every id is simply
 * remembered. Within a session (visits less than {@link VISIT_SESSION_MS} apart) the answer stays
 * the same across reloads, so the "new" marks do not vanish the moment the page is refreshed.
 */
export async function recordVisit(
  db: SiftDb,
  listing: string,
  ids: readonly ArxivId[],
  now: number,
): Promise<StoreOutcome<VisitResult>> {
  const result = await db.transaction('rw', db.visits, async (): Promise<VisitResult> => {
    const previous = await db.visits.get(listing);
    const seenIds = appendSeenIds(previous?.seenIds ?? [], ids);
    if (!previous) {
      await db.visits.put({ listing, lastVisitAt: now, seenIds, sessionStartedAt: now, freshIds: [] });
      return { newIds: [] };
    }
    const inSession = previous.sessionStartedAt !== undefined && now - previous.lastVisitAt < VISIT_SESSION_MS;
    const stillFresh = new Set(inSession ? previous.freshIds : []);
    const known = new Set(previous.seenIds);
    const newIds = [...new Set(ids)].filter((id) => stillFresh.has(id) || !known.has(id));
    const previousVisitAt = inSession ? previous.previousVisitAt : previous.lastVisitAt;
    await db.visits.put({
      listing,
      lastVisitAt: now,
      seenIds,
      sessionStartedAt: inSession ? previous.sessionStartedAt : now,
      freshIds: [...new Set([...(inSession ? previous.freshIds ?? [] : []), ...newIds])].slice(-MAX_SEEN_IDS),
      ...(previousVisitAt === undefined ? {} : { previousVisitAt }),
    });
    return { ...(previousVisitAt === undefined ? {} : { previousVisitAt }), newIds };
  });
  return { result, change: { ids: [], tables: ['visits'] } };
}
