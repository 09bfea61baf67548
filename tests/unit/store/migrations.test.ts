/**
 * The migration harness. Every schema version must open data written by the version before it
 * with nothing lost. When a version is appended to SCHEMA_VERSIONS (lib/store/db.ts), add its
 * fixture to RECORDS_AT (records as that version stores them) and, if its upgrade changes data,
 * its expectation to UPGRADED; the loop below then fills version n-1 and opens version n.
 */
import { describe, expect, it } from 'vitest';
import type { Transaction } from 'dexie';
import { SCHEMA_VERSIONS, declareSiftDb, openSiftDb, type SchemaVersion, type SiftDb } from '@/lib/store/db';
import { NOW, fakeIndexedDb, id, meta, nthId, rule } from './support';

/** Records by table name; older versions had tables the current one dropped. */
type Tables = Record<string, object[]>;

/** Records of every table, with and without every optional field, as version 1 stores them. */
const V1_RECORDS: Tables = {
  papers: [
    { id: id('0704.0001'), meta: meta('0704.0001'), tags: ['a'], updatedAt: 9 },
    { id: id('2602.22290'), meta: meta('2602.22290'), starredAt: 1, hiddenAt: 2, tags: ['a', 'b'], note: 'n', seenAt: 3, updatedAt: 4 },
    { id: id('math/0601001'), meta: meta('math/0601001', { section: 'abs', affiliations: ['(1) MIT'] }), tags: [], seenAt: 5, updatedAt: 6 },
  ],
  tags: [
    { name: 'a', color: '#123456', createdAt: 7 },
    { name: 'b', color: '#abcdef', createdAt: 8 },
  ],
  rules: [rule('r1', { label: 'Consensus', mode: 'regex', pattern: 'raft|paxos', action: 'hide' })],
  visits: [
    { listing: 'cs.DC/new', lastVisitAt: NOW, seenIds: [nthId(0), nthId(1)] },
    { listing: 'cs.DC/recent', lastVisitAt: NOW - 5, seenIds: [nthId(1), nthId(2)] },
  ],
  settings: [
    { key: 'theme', value: 'dark' },
    { key: 'layout', value: { columns: 2, order: ['a', null, true] } },
  ],
};

/** Version 2 drops the never-used settings table; everything else stays as it was. */
const withoutSettings = ({ settings: _settings, ...rest }: Tables): Tables => rest;

/**
 * Version 3 turns per-listing visits into one seen mark per paper, at the listing's last visit
 * (the earliest of them for a paper on several listings).
 */
const visitsToSeen = ({ visits: _visits, ...rest }: Tables): Tables => ({
  ...rest,
  seen: [
    { id: nthId(0), at: NOW },
    { id: nthId(1), at: NOW - 5 },
    { id: nthId(2), at: NOW - 5 },
  ],
});

/** Records as each version stores them; a new version adds its entry. */
const RECORDS_AT: Record<number, Tables> = { 1: V1_RECORDS, 2: withoutSettings(V1_RECORDS), 3: visitsToSeen(withoutSettings(V1_RECORDS)) };

/**
 * Version 4 adds the abstract cache and its totals row, empty after the upgrade; this is what it
 * holds once a page has remembered an abstract (with and without every optional field).
 */
const withAbstractCache = (before: Tables): Tables => ({
  ...before,
  abstracts: [
    { id: nthId(0), title: 'T', abstract: 'A $\\tilde O(D)$ bound.', authors: ['Ada Lovelace'], categories: ['cs.DC'], withdrawn: false, source: 'page', storedAt: NOW, usedAt: NOW, bytes: 240 },
    {
      id: nthId(1),
      version: 3,
      title: 'T2',
      abstract: 'This paper has been withdrawn.',
      authors: [],
      categories: ['math.CA', 'math.DS'],
      primary: 'math.CA',
      comments: 'c',
      journalRef: 'j',
      doi: '10.1/x',
      published: 1,
      updated: 2,
      withdrawn: true,
      source: 'api',
      storedAt: NOW - 1,
      usedAt: NOW - 1,
      bytes: 300,
    },
  ],
  abstractTotals: [{ key: 'cache', entries: 2, bytes: 540 }],
});
// Built on the fixture of the version before it, whichever that is.
const beforeAbstracts = SCHEMA_VERSIONS[SCHEMA_VERSIONS.findIndex((v) => v.version === 4) - 1]!.version;
RECORDS_AT[4] = withAbstractCache(RECORDS_AT[beforeAbstracts]!);

/** Version 5 adds the sync stamps of tags and rules: a live tag's stamp and a deleted rule's tombstone. */
const beforeSyncStamps = SCHEMA_VERSIONS[SCHEMA_VERSIONS.findIndex((v) => v.version === 5) - 1]!.version;
RECORDS_AT[5] = {
  ...RECORDS_AT[beforeSyncStamps]!,
  syncStamps: [
    { key: 'rule:gone', stamp: 29_000_001 },
    { key: 'tag:ml', stamp: 29_000_000 },
  ],
};

/** Version 6 adds the "For you" table: the reader's seed ids and a stored model answer. */
const beforeRanking = SCHEMA_VERSIONS[SCHEMA_VERSIONS.findIndex((v) => v.version === 6) - 1]!.version;
RECORDS_AT[6] = {
  ...RECORDS_AT[beforeRanking]!,
  ranking: [
    { key: 'model', basis: '3:9:0:', answer: { status: 'off', message: 'Star or tag a paper to sort by your interests.' } },
    { key: 'seeds', ids: [nthId(0), nthId(1)] },
  ],
};

/** What version n makes of version n-1's records; versions without a data change keep them. */
const UPGRADED: Record<number, (before: Tables) => Tables> = { 2: withoutSettings, 3: visitsToSeen };

let counter = 0;
const uniqueName = () => `sift-migration-${++counter}-${Date.now()}`;

async function fill(db: SiftDb, tables: Tables): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const [name, records] of Object.entries(tables)) await db.table(name).bulkAdd(records);
  });
}

async function read(db: SiftDb): Promise<Tables> {
  const out = {} as Tables;
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

const sortedByKey = (tables: Tables, db: SiftDb): Tables => {
  const out = {} as Tables;
  for (const table of db.tables) {
    const key = table.schema.primKey.keyPath as string;
    const records = (tables[table.name] ?? []) as Record<string, string>[];
    out[table.name] = [...records].sort((a, b) => (a[key]! < b[key]! ? -1 : 1));
  }
  return out;
};

describe('SCHEMA_VERSIONS', () => {
  it('start at 1 and go up by one', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('keep version 1 exactly as released', () => {
    expect(SCHEMA_VERSIONS[0]).toEqual({
      version: 1,
      stores: { papers: 'id, starredAt, hiddenAt, *tags, updatedAt', tags: 'name', rules: 'id', visits: 'listing', settings: 'key' },
    });
  });

  it('every version has a fixture, so the harness below covers it', () => {
    for (const { version } of SCHEMA_VERSIONS) expect(RECORDS_AT[version], `fixture for version ${version}`).toBeDefined();
  });

  it('index the abstract cache by id and last use only, the eviction order', async () => {
    const db = openSiftDb(uniqueName(), fakeIndexedDb);
    await db.open();
    expect(db.abstracts.schema.primKey.keyPath).toBe('id');
    expect(db.abstracts.schema.indexes.map((index) => index.name)).toEqual(['usedAt']);
    expect(db.abstractTotals.schema.primKey.keyPath).toBe('key');
    db.close();
  });

  it('index papers by star, hide, tags (one entry per tag) and update time only', async () => {
    const db = openSiftDb(uniqueName(), fakeIndexedDb);
    await db.open();
    expect(db.papers.schema.primKey.keyPath).toBe('id');
    expect(db.papers.schema.indexes.map((index) => [index.name, index.multi])).toEqual([
      ['starredAt', false],
      ['hiddenAt', false],
      ['tags', true],
      ['updatedAt', false],
    ]);
    db.close();
  });
});

describe('opening older data', () => {
  it('opens a version 1 database written with raw IndexedDB, as release 1 left it, with every field intact', async () => {
    const name = uniqueName();
    await new Promise<void>((resolve, reject) => {
      // Dexie stores version n as native version n * 10.
      const request = fakeIndexedDb.indexedDB.open(name, 10);
      request.onupgradeneeded = () => {
        const raw = request.result;
        const papers = raw.createObjectStore('papers', { keyPath: 'id' });
        papers.createIndex('starredAt', 'starredAt');
        papers.createIndex('hiddenAt', 'hiddenAt');
        papers.createIndex('tags', 'tags', { multiEntry: true });
        papers.createIndex('updatedAt', 'updatedAt');
        raw.createObjectStore('tags', { keyPath: 'name' });
        raw.createObjectStore('rules', { keyPath: 'id' });
        raw.createObjectStore('visits', { keyPath: 'listing' });
        raw.createObjectStore('settings', { keyPath: 'key' });
        for (const [table, records] of Object.entries(V1_RECORDS)) {
          for (const record of records) request.transaction!.objectStore(table).add(record);
        }
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const db = openSiftDb(name, fakeIndexedDb);
    // Every upgrade since version 1 ran over the data on the way up.
    const upgraded = SCHEMA_VERSIONS.slice(1).reduce((tables, { version }) => UPGRADED[version]?.(tables) ?? tables, V1_RECORDS);
    expect(await read(db)).toEqual(sortedByKey(upgraded, db));
    expect(await db.papers.where('tags').equals('b').primaryKeys()).toEqual(['2602.22290']);
    db.close();
  });

  it('reopens data written at the current version unchanged', async () => {
    const name = uniqueName();
    const latest = SCHEMA_VERSIONS.at(-1)!.version;
    const first = openSiftDb(name, fakeIndexedDb);
    await fill(first, RECORDS_AT[latest]!);
    first.close();
    const again = openSiftDb(name, fakeIndexedDb);
    expect(await read(again)).toEqual(sortedByKey(RECORDS_AT[latest]!, again));
    again.close();
  });

  for (const [i, next] of SCHEMA_VERSIONS.entries()) {
    const previous = SCHEMA_VERSIONS[i - 1];
    if (!previous) continue;
    it(`opens version ${previous.version} data at version ${next.version} with nothing lost`, async () => {
      const name = uniqueName();
      const before = RECORDS_AT[previous.version]!;
      const old = declareSiftDb(name, SCHEMA_VERSIONS.slice(0, i), fakeIndexedDb);
      await fill(old, before);
      old.close();
      const upgraded = declareSiftDb(name, SCHEMA_VERSIONS.slice(0, i + 1), fakeIndexedDb);
      const expected = UPGRADED[next.version]?.(before) ?? before;
      expect(await read(upgraded)).toEqual(sortedByKey(expected, upgraded));
      upgraded.close();
    });
  }

  it('runs an appended version’s upgrade over the data of the version before', async () => {
    // How the next version will look: a new index plus an upgrade that fills it.
    const appended: SchemaVersion = {
      version: SCHEMA_VERSIONS.length + 1,
      stores: { papers: 'id, starredAt, hiddenAt, *tags, updatedAt, seenAt' },
      upgrade: (tx: Transaction) =>
        tx
          .table('papers')
          .toCollection()
          .modify((paper: { seenAt?: number; updatedAt: number }) => {
            paper.seenAt ??= paper.updatedAt;
          }),
    };
    const name = uniqueName();
    const old = openSiftDb(name, fakeIndexedDb);
    await fill(old, RECORDS_AT[SCHEMA_VERSIONS.length]!);
    old.close();
    const next = declareSiftDb(name, [...SCHEMA_VERSIONS, appended], fakeIndexedDb);
    const papers = await next.papers.toArray();
    expect(papers.map((p) => [p.id, p.seenAt])).toEqual([
      ['0704.0001', 9],
      ['2602.22290', 3],
      ['math/0601001', 5],
    ]);
    expect(await next.papers.where('seenAt').above(4).primaryKeys()).toEqual(['math/0601001', '0704.0001']);
    expect(await next.tags.toArray()).toEqual(V1_RECORDS.tags);
    next.close();
  });
});
