/**
 * THE Dexie file: the records the store keeps, the typed database, and every schema version.
 *
 * The database lives in the extension's origin (background and extension pages), never in a
 * content script, whose IndexedDB would belong to arxiv.org (Dexie issues #233, #1978).
 */
import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { CachedAbstract } from '@/lib/abstracts/cache-policy';
import type { Rule } from '@/lib/rules/types';
import type { PaperRecord, SeenRecord, TagRecord, VisitRecord } from '@/lib/schemas/records';
import type { RankingRecord } from './ranking-record';

export type { PaperRecord, SeenRecord, TagRecord, VisitRecord } from '@/lib/schemas/records';
export type SiftDb = Dexie & {
  papers: EntityTable<PaperRecord, 'id'>;
  tags: EntityTable<TagRecord, 'name'>;
  rules: EntityTable<Rule, 'id'>;
  seen: EntityTable<SeenRecord, 'id'>;
  abstracts: EntityTable<CachedAbstract, 'id'>;
  abstractTotals: EntityTable<AbstractTotalsRecord, 'key'>;
  syncStamps: EntityTable<SyncStampRecord, 'key'>;
  ranking: EntityTable<RankingRecord, 'key'>;
};

/**
 * The last-write stamp of a tag (`tag:<name>`) or rule (`rule:<id>`): a stamp whose tag or rule
 * is gone is its tombstone, which stops a device that has not seen the deletion from bringing it
 * back (lib/store/merge.ts).
 */
export interface SyncStampRecord {
  key: string;
  stamp: number;
}

export type { CachedAbstract } from '@/lib/abstracts/cache-policy';

/** The abstract cache's running size, one row (`key: 'cache'`) written with every cache write. */
export interface AbstractTotalsRecord {
  key: string;
  entries: number;
  bytes: number;
}

/** A record of the `visits` table of versions 1 and 2, read once by the upgrade to version 3. */
type VisitRecordV2 = VisitRecord;

/** One schema version: the stores it declares and, if data must move, the upgrade that moves it. */
export interface SchemaVersion {
  version: number;
  stores: Readonly<Record<string, string | null>>;
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

/**
 * Every version, oldest first. Released entries are never edited: a change appends a version with
 * its `.upgrade()` and a test in tests/unit/store/migrations.test.ts that fills the previous
 * version and opens this one. The list is data (not inline `db.version()` calls) so that test can
 * open the database at any earlier version.
 *
 * Indexes are only what is queried: `starredAt`/`hiddenAt`/`updatedAt` order the reading list,
 * `*tags` finds a tag's papers (rename, merge, delete, counts).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      papers: 'id, starredAt, hiddenAt, *tags, updatedAt',
      tags: 'name',
      rules: 'id',
      visits: 'listing',
      settings: 'key',
    },
  },
  {
    // Settings live in `browser.storage` (lib/platform/stored-setting.ts), where the browser's
    // sync can reach them; this table never held a record, so it is simply dropped.
    version: 2,
    stores: { settings: null },
  },
  {
    // One "seen" per paper across every listing replaces per-URL visit memory: the ids each visit
    // remembered become seen marks, at the time of that listing's last visit (the earliest one
    // wins when a paper was on several listings).
    version: 3,
    stores: { seen: 'id', visits: null },
    upgrade: async (tx) => {
      const visits = (await tx.table('visits').toArray()) as VisitRecordV2[];
      const firstSeen = new Map<string, number>();
      for (const visit of visits) {
        for (const id of visit.seenIds) firstSeen.set(id, Math.min(firstSeen.get(id) ?? Infinity, visit.lastVisitAt));
      }
      await tx.table('seen').bulkPut([...firstSeen].map(([id, at]) => ({ id, at })));
    },
  },
  {
    // The abstract cache (lib/store/abstracts.ts): derived data, left out of backups. `usedAt`
    // orders eviction, least recently used first; the totals row keeps its size.
    version: 4,
    stores: { abstracts: 'id, usedAt', abstractTotals: 'key' },
  },
  {
    // Sync (lib/sync): stamps and tombstones of tags and rules, which their own records cannot hold.
    version: 5,
    stores: { syncStamps: 'key' },
  },
  {
    // "For you" (lib/store/ranking.ts): the trained model and the reader's seed papers. Derived
    // from stars, tags and hides (which backups carry), so backups and sync leave it out.
    version: 6,
    stores: { ranking: 'key' },
  },
];

/** Where IndexedDB comes from; tests pass fake-indexeddb's, the extension uses the global one. */
export type SiftDbOptions = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

/**
 * Declares `versions` on a fresh Dexie instance named `name`. {@link openSiftDb} uses every
 * version; the migrations test passes a prefix to build a database as an older release left it.
 */
export function declareSiftDb(name: string, versions: readonly SchemaVersion[], options: SiftDbOptions = {}): SiftDb {
  const db = new Dexie(name, options) as SiftDb;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores({ ...stores });
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

/**
 * The Sift database at the current version. Dexie opens it lazily on first use and runs any pending
 * upgrades then. Example: `const db = openSiftDb()` in the background, `openSiftDb('t1', { indexedDB,
 * IDBKeyRange })` in a test with fake-indexeddb.
 */
export function openSiftDb(name = 'sift', options: SiftDbOptions = {}): SiftDb {
  return declareSiftDb(name, SCHEMA_VERSIONS, options);
}
