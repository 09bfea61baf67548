/**
 * The abstract cache's rules as pure functions: what a cached record holds, when a cached abstract
 * is good enough for a page, when to refresh its "last used" time, and which records to evict.
 * The database code applies them; nothing here touches storage.
 *
 * Bounds: 50,000 papers or 100 MB, whichever is reached first; the least recently used go first.
 * - 50,000 papers: arXiv announces about 25,000 new papers a month across all subjects, and a
 *   reader who follows a few categories sees a few hundred a day (new, cross-lists and
 *   replacements), so 50,000 covers months of reading, and every paper of a week's `/pastweek`
 *   listings stays cached from the day it was on `/new`.
 * - 100 MB: a typical record is about 1.4 KB by {@link estimateBytes} (an 850-character abstract,
 *   as in the API fixtures, plus title, authors and comments), so 50,000 of them take some 70 MB and
 *   the count binds first.
 *   The byte bound is for the outliers: a large collaboration's paper lists thousands of authors
 *   and weighs 50 KB or more, and a listing full of those must not grow the cache without bound.
 * - Eviction frees down to 90% of the bound that was passed, so a full cache is trimmed once per
 *   few thousand new papers rather than on every write.
 */
import type { ArxivId, PaperMeta } from '@/lib/arxiv/types';
import type { ApiPaper } from './atom';

export interface CacheLimits {
  maxEntries: number;
  maxBytes: number;
  /** After passing a bound, evict down to this fraction of it. */
  lowWater: number;
}

export const CACHE_LIMITS: CacheLimits = { maxEntries: 50_000, maxBytes: 100_000_000, lowWater: 0.9 };

/** A cached record's "last used" time is rewritten at most this often, so reading a page costs no writes. */
export const TOUCH_INTERVAL_MS = 24 * 3_600_000;

/** One row of the abstract cache. Text as arXiv wrote it; times in epoch ms. */
export interface CachedAbstract {
  id: ArxivId;
  version?: number;
  title: string;
  abstract: string;
  authors: string[];
  /** Category codes, primary first. */
  categories: string[];
  primary?: string;
  comments?: string;
  journalRef?: string;
  doi?: string;
  published?: number;
  updated?: number;
  withdrawn: boolean;
  /** Where the abstract came from: read off an arXiv page, or fetched from the API. */
  source: 'page' | 'api';
  storedAt: number;
  /** Last time a page wanted it; the eviction order. */
  usedAt: number;
  /** {@link estimateBytes} of the record, kept so the cache's size is a sum over one field. */
  bytes: number;
}

/** Per-record cost beyond its text: keys, numbers, structure and the store's own overhead. */
const RECORD_OVERHEAD_BYTES = 200;

/**
 * Approximate stored size of a record in bytes: the UTF-8 length of its text fields plus a fixed
 * overhead. It need not match the browser's on-disk size exactly; it must grow with what the
 * record holds, so the byte bound catches records with huge author lists.
 */
export function estimateBytes(record: Omit<CachedAbstract, 'bytes'>): number {
  let bytes = RECORD_OVERHEAD_BYTES;
  const texts = [record.id, record.title, record.abstract, record.comments, record.journalRef, record.doi, record.primary, ...record.authors, ...record.categories];
  for (const text of texts) if (text !== undefined) bytes += utf8Length(text);
  return bytes;
}

/**
 * The cache record for a paper fetched from the API, stored at `now`.
 *
 * @example fromApiPaper(paper, Date.now()).source // 'api'
 */
export function fromApiPaper(paper: ApiPaper, now: number): CachedAbstract {
  const record: Omit<CachedAbstract, 'bytes'> = {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    categories: paper.categories,
    withdrawn: paper.withdrawn,
    source: 'api',
    storedAt: now,
    usedAt: now,
  };
  if (paper.version !== undefined) record.version = paper.version;
  if (paper.primary !== undefined) record.primary = paper.primary;
  if (paper.comments !== undefined) record.comments = paper.comments;
  if (paper.journalRef !== undefined) record.journalRef = paper.journalRef;
  if (paper.doi !== undefined) record.doi = paper.doi;
  if (paper.published !== undefined) record.published = paper.published;
  if (paper.updated !== undefined) record.updated = paper.updated;
  return { ...record, bytes: estimateBytes(record) };
}

/**
 * The cache record for a paper read off an arXiv page (`/new`, catchup, search with abstracts,
 * abs), or `undefined` when the page showed no abstract for it: only abstracts are worth caching.
 */
export function fromPagePaper(paper: PaperMeta, now: number): CachedAbstract | undefined {
  if (paper.abstract === undefined || paper.abstract === '') return undefined;
  const codes = paper.subjects.map((subject) => subject.code);
  const primary = paper.primarySubject?.code;
  const record: Omit<CachedAbstract, 'bytes'> = {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    categories: primary === undefined || codes.includes(primary) ? codes : [primary, ...codes],
    withdrawn: false,
    source: 'page',
    storedAt: now,
    usedAt: now,
  };
  if (paper.version !== undefined) record.version = paper.version;
  if (primary !== undefined) record.primary = primary;
  if (paper.comments !== undefined) record.comments = paper.comments;
  if (paper.journalRef !== undefined) record.journalRef = paper.journalRef;
  if (paper.doi !== undefined) record.doi = paper.doi;
  return { ...record, bytes: estimateBytes(record) };
}

export type CacheDecision = 'hit' | 'miss' | 'stale';

/**
 * Whether a cached record serves a page that lists the paper at `pageVersion` (when the page
 * shows one): `miss` when nothing is cached, `stale` when the page lists a newer version than the
 * cached one (a replacement: its abstract may have changed), else `hit`. A record without a
 * version is trusted: it came from a page that showed none.
 */
export function cacheDecision(cached: CachedAbstract | undefined, pageVersion: number | undefined): CacheDecision {
  if (cached === undefined) return 'miss';
  if (pageVersion !== undefined && cached.version !== undefined && cached.version < pageVersion) return 'stale';
  return 'hit';
}

/**
 * The record to keep when `incoming` arrives for an id already cached: the incoming one, unless
 * both carry versions and the incoming version is older (a page rendered before a replacement).
 * `usedAt` is the later of the two; `storedAt` stays that of the text kept.
 */
export function mergeCached(existing: CachedAbstract | undefined, incoming: CachedAbstract): CachedAbstract {
  if (existing === undefined) return incoming;
  const usedAt = Math.max(existing.usedAt, incoming.usedAt);
  const older = existing.version !== undefined && incoming.version !== undefined && incoming.version < existing.version;
  return older ? { ...existing, usedAt } : { ...incoming, usedAt };
}

/** True when a page's use of `record` should be written back (at most once per {@link TOUCH_INTERVAL_MS}). */
export function shouldTouch(record: Pick<CachedAbstract, 'usedAt'>, now: number): boolean {
  return now - record.usedAt >= TOUCH_INTERVAL_MS;
}

export interface CacheTotals {
  entries: number;
  bytes: number;
}

/**
 * How much to evict from a cache of `totals`: nothing while both bounds hold; once one is passed,
 * enough entries and bytes to bring each passed bound down to its low-water mark.
 *
 * @example evictionTarget({ entries: 50_001, bytes: 70e6 }) // { entries: 5_001, bytes: 0 }
 */
export function evictionTarget(totals: CacheTotals, limits: CacheLimits = CACHE_LIMITS): CacheTotals {
  const overEntries = totals.entries > limits.maxEntries;
  const overBytes = totals.bytes > limits.maxBytes;
  if (!overEntries && !overBytes) return { entries: 0, bytes: 0 };
  return {
    entries: overEntries ? totals.entries - Math.floor(limits.maxEntries * limits.lowWater) : 0,
    bytes: overBytes ? totals.bytes - Math.floor(limits.maxBytes * limits.lowWater) : 0,
  };
}

/**
 * The ids to delete, taken from `oldestFirst` (records ordered by `usedAt`, least recent first)
 * until both parts of `target` are met. Reads only as far as it needs, so the caller can stream
 * an index cursor into it.
 */
export function pickEvictions(oldestFirst: Iterable<Pick<CachedAbstract, 'id' | 'bytes'>>, target: CacheTotals): ArxivId[] {
  const ids: ArxivId[] = [];
  let freed = 0;
  if (target.entries <= 0 && target.bytes <= 0) return ids;
  for (const record of oldestFirst) {
    ids.push(record.id);
    freed += record.bytes;
    if (ids.length >= target.entries && freed >= target.bytes) break;
  }
  return ids;
}

const encoder = new TextEncoder();

function utf8Length(text: string): number {
  // ASCII is one byte a character; only longer encodings need the encoder.
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}
