/**
 * Seen marks: which papers the reader has seen, on any listing, and since when. One record per
 * paper keeps a listing's load flat however long the history (years of reading are a few hundred
 * thousand records, and a page asks for its own 2000 ids at most).
 */
import type { ArxivId } from '@/lib/arxiv/types';
import type { StoreOutcome } from './api';
import type { SiftDb } from './db';
import { stampSeenMarks, stampSeenRemovals } from './sync-stamps';

/** When each of `ids` was first seen, for the ids seen at all, in one `bulkGet`. */
export async function seenOf(db: SiftDb, ids: readonly ArxivId[]): Promise<Record<string, number>> {
  const unique = [...new Set(ids)];
  const records = await db.transaction('r', db.seen, () => db.seen.bulkGet(unique));
  const out: Record<string, number> = {};
  for (const record of records) if (record) out[record.id] = record.at;
  return out;
}

/** Marks `ids` seen at `now`; a paper seen before keeps its first time. Answers the ids newly marked. */
export async function markSeen(db: SiftDb, ids: readonly ArxivId[], now: number): Promise<StoreOutcome<{ marked: ArxivId[] }>> {
  const marked = await db.transaction('rw', db.seen, db.syncStamps, async () => {
    const unique = [...new Set(ids)];
    const known = await db.seen.bulkGet(unique);
    const fresh = unique.filter((_, i) => !known[i]);
    await db.seen.bulkPut(fresh.map((id) => ({ id, at: now })));
    // Sync: a mark made again after an unmark must win over the unmark's tombstone.
    await stampSeenMarks(db, fresh, now);
    return fresh;
  });
  return marked.length === 0 ? { result: { marked } } : { result: { marked }, change: { ids: marked, tables: ['seen'], seen: now } };
}

/**
 * Forgets that `ids` were seen (the undo of "Mark all seen") at `now`, leaving the tombstones sync
 * needs so other devices forget them too. Answers the ids that were seen.
 */
export async function unmarkSeen(db: SiftDb, ids: readonly ArxivId[], now: number): Promise<StoreOutcome<{ unmarked: ArxivId[] }>> {
  const unmarked = await db.transaction('rw', db.seen, db.syncStamps, async () => {
    const unique = [...new Set(ids)];
    const known = (await db.seen.bulkGet(unique)).filter((record) => record !== undefined);
    const present = known.map((record) => record.id);
    await db.seen.bulkDelete(present);
    await stampSeenRemovals(db, known, now);
    return present;
  });
  return unmarked.length === 0 ? { result: { unmarked } } : { result: { unmarked }, change: { ids: unmarked, tables: ['seen'], seen: null } };
}
