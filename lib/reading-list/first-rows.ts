/**
 * The reading list's first screen, read by index: years of seen marks and rule actions leave a
 * heavy user with 100,000 stored papers, of which the list shows a fraction, so the first rows
 * must not wait for every record to be read.
 */
import type { PaperRecord, SiftDb } from '@/lib/store/db';

/** Rows enough for a tall screen and a first scroll. */
export const FIRST_ROWS = 200;

/**
 * The `limit` most recently starred papers, newest first: the first rows of the reading list in
 * its default order ("Date starred"), read through the `starredAt` index without touching the
 * other records. The page shows them while the whole list loads.
 *
 * @example const first = await firstRows(db); // ≤ 200 records, starredAt descending
 */
export function firstRows(db: SiftDb, limit: number = FIRST_ROWS): Promise<PaperRecord[]> {
  return db.transaction('r', db.papers, () => db.papers.orderBy('starredAt').reverse().limit(limit).toArray());
}
