/**
 * The reading list and options page over a heavy store, in Node with fake-indexeddb: 100,000
 * papers, most only seen or hidden. Times the reading list's first rows (lib/reading-list/
 * first-rows.ts, then the list's own query over them) beside a raw indexed query of the same rows,
 * the whole list as the page then loads it, and the options page's tag counts. Aim: first rows
 * within 1 s.
 */
import { firstRows, FIRST_ROWS } from '@/lib/reading-list/first-rows';
import { DEFAULT_QUERY, createPaperIndexer, queryReadingList } from '@/lib/reading-list/query';
import { listTags } from '@/lib/store/tags';
import { heavyDb } from './backup';

export interface HeavyStoreResult {
  papers: number;
  /** `firstRows` plus indexing and querying them as the reading list does. */
  firstRowsMs: number;
  firstRows: number;
  /** The same rows by Dexie's index alone: the floor for `firstRowsMs`. */
  rawIndexedMs: number;
  /** Every record read, indexed and queried: what the list shows once fully loaded. */
  wholeListMs: number;
  /** `listTags`, the options page's first read. */
  optionsTagsMs: number;
}

/** Times the reads above on a store of `papers` generated papers. Example: `await benchHeavyStore({ papers: 100_000 })`. */
export async function benchHeavyStore({ papers = 100_000 }: { papers?: number } = {}): Promise<HeavyStoreResult> {
  const db = await heavyDb(papers);
  let started = performance.now();
  await db.papers.orderBy('starredAt').reverse().limit(FIRST_ROWS).primaryKeys();
  const rawIndexedMs = performance.now() - started;
  started = performance.now();
  const first = queryReadingList(createPaperIndexer()(await firstRows(db)), DEFAULT_QUERY);
  const firstRowsMs = performance.now() - started;
  started = performance.now();
  queryReadingList(createPaperIndexer()(await db.papers.toArray()), DEFAULT_QUERY);
  const wholeListMs = performance.now() - started;
  started = performance.now();
  await listTags(db);
  const optionsTagsMs = performance.now() - started;
  db.close();
  return { papers, firstRowsMs, firstRows: first.length, rawIndexedMs, wholeListMs, optionsTagsMs };
}
