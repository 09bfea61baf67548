import { describe, expect, it } from 'vitest';
import { fromApiPaper, fromPagePaper, type CacheLimits, type CachedAbstract } from '@/lib/abstracts/cache-policy';
import { parseAtomFeed } from '@/lib/abstracts/atom';
import { ABSTRACT_TOTALS_KEY, getAbstracts, putAbstracts, rememberPagePapers, toAbstractView } from '@/lib/store/abstracts';
import { exportBackup, importBackup } from '@/lib/store/backup';
import type { SiftDb } from '@/lib/store/db';
import { readApiFixture } from '../abstracts/api-fixtures';
import { NOW, freshDb, meta, nthId } from './support';

const DAY = 24 * 3_600_000;

function record(n: number, overrides: Partial<CachedAbstract> = {}): CachedAbstract {
  const paper = fromPagePaper(meta(nthId(n), { abstract: `Abstract number ${n}.` }), NOW + n)!;
  return { ...paper, ...overrides };
}

async function totals(db: SiftDb) {
  const row = await db.abstractTotals.get(ABSTRACT_TOTALS_KEY);
  const all = await db.abstracts.toArray();
  return { row: row && { entries: row.entries, bytes: row.bytes }, actual: { entries: all.length, bytes: all.reduce((sum, r) => sum + r.bytes, 0) } };
}

describe('putAbstracts', () => {
  it('stores records and keeps the running total equal to the table', async () => {
    const db = freshDb();
    expect(await putAbstracts(db, [record(0), record(1), record(2)])).toEqual({ stored: 3, evicted: 0 });
    await putAbstracts(db, [record(1, { abstract: 'A much longer abstract than before, which weighs more bytes.', bytes: 999 })]);
    const { row, actual } = await totals(db);
    expect(row).toEqual(actual);
    expect(actual.entries).toBe(3);
  });

  it('never replaces a newer version with an older one, but keeps the later use', async () => {
    const db = freshDb();
    await putAbstracts(db, [record(0, { version: 3, abstract: 'v3', usedAt: NOW })]);
    await putAbstracts(db, [record(0, { version: 1, abstract: 'v1', usedAt: NOW + DAY })]);
    expect(await db.abstracts.get(nthId(0))).toMatchObject({ version: 3, abstract: 'v3', usedAt: NOW + DAY });
  });

  it('evicts the least recently used down to 90% once the entry bound is passed', async () => {
    const db = freshDb();
    const limits: CacheLimits = { maxEntries: 10, maxBytes: 1e9, lowWater: 0.9 };
    await putAbstracts(db, Array.from({ length: 10 }, (_, n) => record(n, { usedAt: NOW + n })), limits);
    expect(await putAbstracts(db, [record(10, { usedAt: NOW + 100 })], limits)).toEqual({ stored: 1, evicted: 2 });
    expect((await db.abstracts.orderBy('usedAt').primaryKeys()).map(String)).toEqual(Array.from({ length: 9 }, (_, n) => nthId(n + 2)));
    const { row, actual } = await totals(db);
    expect(row).toEqual(actual);
  });

  it('evicts by bytes when a few huge records pass the byte bound first', async () => {
    const db = freshDb();
    const limits: CacheLimits = { maxEntries: 1000, maxBytes: 10_000, lowWater: 0.9 };
    await putAbstracts(db, [record(0, { usedAt: NOW, bytes: 4_000 }), record(1, { usedAt: NOW + 1, bytes: 4_000 })], limits);
    const result = await putAbstracts(db, [record(2, { usedAt: NOW + 2, bytes: 4_000 })], limits);
    expect(result.evicted).toBe(1);
    expect((await db.abstracts.toCollection().primaryKeys()).map(String).sort()).toEqual([nthId(1), nthId(2)]);
    expect((await totals(db)).row).toEqual({ entries: 2, bytes: 8_000 });
  });

  it('counts the table afresh when the totals row is missing', async () => {
    const db = freshDb();
    await putAbstracts(db, [record(0), record(1)]);
    await db.abstractTotals.clear();
    await putAbstracts(db, [record(2)]);
    const { row, actual } = await totals(db);
    expect(row).toEqual(actual);
    expect(actual.entries).toBe(3);
  });
});

describe('rememberPagePapers', () => {
  it('stores the papers a page showed with an abstract and skips the rest', async () => {
    const db = freshDb();
    const papers = [meta('2602.22290'), meta('2602.22291', { abstract: undefined }), meta('2602.22292', { abstract: '' })];
    expect(await rememberPagePapers(db, papers, NOW)).toEqual({ stored: 1, evicted: 0 });
    expect(await db.abstracts.get('2602.22290' as never)).toMatchObject({ source: 'page', abstract: 'We study things.', storedAt: NOW });
  });
});

describe('getAbstracts', () => {
  it('returns hits, leaves out a record older than the listed version, and ignores unknown ids', async () => {
    const db = freshDb();
    await putAbstracts(db, [record(0, { version: 1 }), record(1, { version: 2 })]);
    const found = await getAbstracts(db, [nthId(0), nthId(1), nthId(5)], NOW, { [nthId(0)]: 2, [nthId(1)]: 2 });
    expect([...found.keys()]).toEqual([nthId(1)]);
  });

  it('writes a new usedAt only for records unused for a day', async () => {
    const db = freshDb();
    await putAbstracts(db, [record(0, { usedAt: NOW - 2 * DAY }), record(1, { usedAt: NOW - 1_000 })]);
    await getAbstracts(db, [nthId(0), nthId(1)], NOW);
    expect((await db.abstracts.bulkGet([nthId(0), nthId(1)])).map((r) => r?.usedAt)).toEqual([NOW, NOW - 1_000]);
  });
});

describe('toAbstractView', () => {
  it('carries what the page shows, and marks a withdrawn paper', () => {
    const [paper] = parseAtomFeed(readApiFixture('derived-withdrawn-2602.22812.xml')).papers;
    const view = toAbstractView(fromApiPaper(paper!, NOW));
    expect(view).toMatchObject({ id: '2602.22812', withdrawn: true, title: paper!.title, authors: paper!.authors });
    expect(Object.keys(toAbstractView(record(0)))).toEqual(['id', 'abstract', 'title', 'authors']);
  });
});

describe('the abstract cache and backups', () => {
  it('is left out of a backup, and a replace restore keeps it', async () => {
    const db = freshDb();
    await putAbstracts(db, [record(0), record(1)]);
    const backup = await exportBackup(db, NOW);
    expect(Object.keys(backup.tables)).not.toContain('abstracts');
    expect(JSON.stringify(backup)).not.toContain('Abstract number');
    await importBackup(db, JSON.stringify(backup), { mode: 'replace', now: NOW });
    expect(await db.abstracts.count()).toBe(2);
  });
});
