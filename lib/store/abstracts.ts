/**
 * The abstract cache against the database: abstracts remembered from arXiv pages and fetched from
 * arXiv's API, bounded by lib/abstracts/cache-policy.ts. The table is derived data (arXiv can give
 * every record again), so backups leave it out, and its size is a running total in one row, kept
 * in the same transaction as every write, so the bound is checked without summing 50,000 records.
 */
import type { ArxivId, PaperMeta } from '@/lib/arxiv/types';
import {
  CACHE_LIMITS,
  cacheDecision,
  evictionTarget,
  fromPagePaper,
  mergeCached,
  pickEvictions,
  shouldTouch,
  type CacheLimits,
  type CacheTotals,
  type CachedAbstract,
} from '@/lib/abstracts/cache-policy';
import type { CachedAbstractView } from './api';
import type { AbstractTotalsRecord, SiftDb } from './db';

/** The key of the one row of `abstractTotals`. */
export const ABSTRACT_TOTALS_KEY = 'cache';

/** What a write did to the cache: records written and records evicted to stay within the bound. */
export interface AbstractWrite {
  stored: number;
  evicted: number;
}

/**
 * Stores `records` (one per id; the last wins when an id repeats), merged with what the cache
 * holds by {@link mergeCached} (an older version never replaces a newer one), then evicts the least
 * recently used records if a bound of `limits` is passed. One transaction: the totals row always
 * matches the table.
 */
export async function putAbstracts(db: SiftDb, records: readonly CachedAbstract[], limits: CacheLimits = CACHE_LIMITS): Promise<AbstractWrite> {
  const latest = new Map<ArxivId, CachedAbstract>();
  for (const record of records) latest.set(record.id, record);
  if (latest.size === 0) return { stored: 0, evicted: 0 };
  return db.transaction('rw', [db.abstracts, db.abstractTotals], async () => {
    const incoming = [...latest.values()];
    const before = await db.abstracts.bulkGet(incoming.map((record) => record.id));
    const totals = await readTotals(db);
    const writes = incoming.map((record, i) => {
      const old = before[i];
      if (old) totals.bytes -= old.bytes;
      else totals.entries += 1;
      const next = mergeCached(old, record);
      totals.bytes += next.bytes;
      return next;
    });
    await db.abstracts.bulkPut(writes);
    const evicted = await evict(db, totals, limits);
    await db.abstractTotals.put({ key: ABSTRACT_TOTALS_KEY, ...totals });
    return { stored: writes.length, evicted };
  });
}

/**
 * Remembers the abstracts an arXiv page showed (`/new`, catchup, search with abstracts, abs):
 * papers without an abstract are skipped. Answers how many were stored.
 */
export async function rememberPagePapers(db: SiftDb, papers: readonly PaperMeta[], now: number, limits: CacheLimits = CACHE_LIMITS): Promise<AbstractWrite> {
  const records = papers.flatMap((paper) => fromPagePaper(paper, now) ?? []);
  return putAbstracts(db, records, limits);
}

/**
 * The cached records of `ids` that serve a page listing them, keyed by id: a record older than the
 * version the page lists (`versions[id]`) is stale and left out, so it is fetched again. Records a
 * page has not used for a day get `usedAt = now`, in the same transaction (at most one write per
 * record per day, so reading a listing costs no writes most of the time).
 */
export async function getAbstracts(db: SiftDb, ids: readonly ArxivId[], now: number, versions: Readonly<Record<string, number>> = {}): Promise<Map<ArxivId, CachedAbstract>> {
  const unique = [...new Set(ids)];
  const found = new Map<ArxivId, CachedAbstract>();
  if (unique.length === 0) return found;
  return db.transaction('rw', db.abstracts, async () => {
    const records = await db.abstracts.bulkGet(unique);
    const touched: CachedAbstract[] = [];
    for (const record of records) {
      if (!record || cacheDecision(record, versions[record.id]) !== 'hit') continue;
      found.set(record.id, record);
      if (shouldTouch(record, now)) touched.push({ ...record, usedAt: now });
    }
    await db.abstracts.bulkPut(touched);
    return found;
  });
}

/** What a page needs of a cached record to show it and run its rules. */
export function toAbstractView(record: CachedAbstract): CachedAbstractView {
  const view: CachedAbstractView = { id: record.id, abstract: record.abstract, title: record.title, authors: record.authors };
  if (record.comments !== undefined) view.comments = record.comments;
  if (record.journalRef !== undefined) view.journalRef = record.journalRef;
  if (record.doi !== undefined) view.doi = record.doi;
  if (record.withdrawn) view.withdrawn = true;
  return view;
}

/** The cache's size as the totals row says, or counted afresh when the row is missing (a new table). */
async function readTotals(db: SiftDb): Promise<CacheTotals> {
  const row: AbstractTotalsRecord | undefined = await db.abstractTotals.get(ABSTRACT_TOTALS_KEY);
  if (row) return { entries: row.entries, bytes: row.bytes };
  const totals: CacheTotals = { entries: 0, bytes: 0 };
  await db.abstracts.each((record) => {
    totals.entries += 1;
    totals.bytes += record.bytes;
  });
  return totals;
}

/**
 * Deletes the least recently used records until `totals` is back under `limits`, reading the
 * `usedAt` index only as far as needed, and updates `totals` in place. Call inside a transaction.
 */
async function evict(db: SiftDb, totals: CacheTotals, limits: CacheLimits): Promise<number> {
  const target = evictionTarget(totals, limits);
  if (target.entries <= 0 && target.bytes <= 0) return 0;
  let entries = 0;
  let bytes = 0;
  const oldest = await db.abstracts
    .orderBy('usedAt')
    .until((record) => {
      const enough = entries >= target.entries && bytes >= target.bytes;
      entries += 1;
      bytes += record.bytes;
      return enough;
    })
    .toArray();
  const ids = pickEvictions(oldest, target);
  const gone = new Set(ids);
  for (const record of oldest) {
    if (!gone.has(record.id)) continue;
    totals.entries -= 1;
    totals.bytes -= record.bytes;
  }
  await db.abstracts.bulkDelete(ids);
  return ids.length;
}
