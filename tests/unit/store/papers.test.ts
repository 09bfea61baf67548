import { describe, expect, it, vi } from 'vitest';
import { toAnnotation } from '@/lib/store/annotation';
import type { PaperRecord } from '@/lib/store/db';
import { NOW, freshDb, id, meta, nthId, snapshot, storeApi } from './support';

const A = '2602.22290';
const B = 'hep-th/9901001';
const C = '0704.0001';

describe('papers.star / papers.hide', () => {
  type Api = ReturnType<typeof storeApi>;
  it.each([
    ['papers.star', 'starred', 'starredAt', (call: Api['call']) => call('papers.star', { papers: [meta(A)], starred: true })],
    ['papers.hide', 'hidden', 'hiddenAt', (call: Api['call']) => call('papers.hide', { papers: [meta(A)], hidden: true })],
  ] as const)('%s stores the paper with its metadata snapshot and the time', async (_name, flag, field, write) => {
    const db = freshDb();
    const { call } = storeApi(db);
    const [annotation] = await write(call);
    expect(annotation).toMatchObject({ id: A, [flag]: true, tags: [], updatedAt: NOW });
    const record = await db.papers.get(id(A));
    expect(record).toMatchObject({ id: A, meta: meta(A), [field]: NOW, updatedAt: NOW });
  });

  it('keeps the first star time but refreshes the snapshot and updatedAt when starred again', async () => {
    const db = freshDb();
    let now = NOW;
    const { call } = storeApi(db, () => now);
    await call('papers.star', { papers: [meta(A)], starred: true });
    now = NOW + 5000;
    await call('papers.star', { papers: [meta(A, { title: 'Revised title', version: 2 })], starred: true });
    const record = await db.papers.get(id(A));
    expect(record).toMatchObject({ starredAt: NOW, updatedAt: NOW + 5000 });
    expect(record?.meta).toMatchObject({ title: 'Revised title', version: 2 });
  });

  it('keeps only the tombstone of a paper whose last annotation is removed, so sync cannot bring the star back', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('papers.star', { papers: [meta(A)], starred: true });
    const [annotation] = await call('papers.star', { papers: [meta(A)], starred: false });
    expect(annotation).toMatchObject({ id: A, starred: false, hidden: false, tags: [] });
    const record = await db.papers.get(id(A));
    expect(record?.starredAt).toBeUndefined();
    expect(record?.stamps?.star).toBeGreaterThan(0);
    expect(await call('annotations.get', { ids: [id(A)] })).toEqual({});
  });

  it('keeps a paper that still carries another annotation', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('papers.star', { papers: [meta(A)], starred: true });
    await call('papers.hide', { papers: [meta(A)], hidden: true });
    await call('papers.star', { papers: [meta(A)], starred: false });
    expect(await db.papers.get(id(A))).toMatchObject({ hiddenAt: NOW });
    expect((await db.papers.get(id(A)))?.starredAt).toBeUndefined();
  });

  it('keeps an otherwise empty paper that has been seen', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await db.papers.put({ id: id(A), meta: meta(A), tags: [], seenAt: NOW - 1, updatedAt: NOW - 1 });
    await call('papers.star', { papers: [meta(A)], starred: true });
    await call('papers.star', { papers: [meta(A)], starred: false });
    expect(await db.papers.get(id(A))).toMatchObject({ seenAt: NOW - 1, tags: [] });
  });

  it('writes a batch in one message, once per id, with the last metadata sent', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    const result = await call('papers.star', {
      papers: [meta(A), meta(B), meta(A, { title: 'Second copy' }), meta(C)],
      starred: true,
    });
    expect(result.map((a) => a.id)).toEqual([A, B, C]);
    expect((await db.papers.get(id(A)))?.meta.title).toBe('Second copy');
    expect(changes).toEqual([{ ids: [A, B, C], tables: ['papers'], annotations: result }]);
  });

  it('does nothing and reports no change when unstarring papers the store does not hold', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    const result = await call('papers.star', { papers: [meta(A)], starred: false });
    expect(result).toEqual([{ id: A, starred: false, hidden: false, tags: [], updatedAt: NOW }]);
    expect(await db.papers.count()).toBe(0);
    expect(changes).toEqual([]);
  });

  it('keeps only PaperMeta fields in the snapshot, dropping whatever else the caller sent', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    const withExtra = { ...meta(A), element: { head: 'not data' } };
    await call('papers.star', { papers: [withExtra], starred: true });
    expect((await db.papers.get(id(A)))?.meta).toEqual(meta(A));
  });
});

describe('papers.tag', () => {
  it('adds a tag, creating it with its default colour, and removes it again', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    const [tagged] = await call('papers.tag', { papers: [meta(A)], tag: '  to read ', on: true });
    expect(tagged?.tags).toEqual(['to read']);
    const tag = await db.tags.get('to read');
    expect(tag).toMatchObject({ name: 'to read', createdAt: NOW });
    expect(tag?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(changes[0]).toMatchObject({ ids: [A], tables: ['papers', 'tags'], annotations: [tagged] });
    // A created tag travels with the notice, so other tabs colour it without asking.
    expect(changes[0]?.tags?.map((info) => info.name)).toEqual(['to read']);

    const [untagged] = await call('papers.tag', { papers: [meta(A)], tag: 'to read', on: false });
    expect(untagged?.tags).toEqual([]);
    expect((await db.papers.get(id(A)))?.stamps?.tags).toHaveProperty(['to read']);
    expect(await db.tags.get('to read')).toBeDefined();
  });

  it('does not add a tag twice or recolour an existing tag', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('tags.upsert', { name: 'ml', color: '#123456' });
    await call('papers.tag', { papers: [meta(A)], tag: 'ml', on: true });
    const [again] = await call('papers.tag', { papers: [meta(A)], tag: 'ml', on: true });
    expect(again?.tags).toEqual(['ml']);
    expect((await db.tags.get('ml'))?.color).toBe('#123456');
  });

  it('keeps tag order as added', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    for (const tag of ['b', 'a', 'c']) await call('papers.tag', { papers: [meta(A)], tag, on: true });
    expect((await db.papers.get(id(A)))?.tags).toEqual(['b', 'a', 'c']);
  });

  it('refuses a tag beyond the 1000 a paper may carry, so every store stays restorable from its backup', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    const tags = Array.from({ length: 1000 }, (_, i) => `t${i}`);
    await db.papers.put({ id: id(A), meta: meta(A), tags, updatedAt: NOW });
    const before = await snapshot(db);
    await expect(call('papers.tag', { papers: [meta(B), meta(A)], tag: 'one more', on: true })).rejects.toThrow(
      /^2602\.22290 already carries 1000 tags$/,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('does not create a tag when removing one that does not exist', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('papers.tag', { papers: [meta(A)], tag: 'ghost', on: false });
    expect(await db.tags.count()).toBe(0);
  });
});

describe('papers.note', () => {
  it.each([
    ['', undefined],
    ['   \n ', undefined],
    ['Read §3 first.\nThen the appendix.', 'Read §3 first.\nThen the appendix.'],
  ])('note %j is stored as %j', async (note, stored) => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('papers.star', { papers: [meta(A)], starred: true });
    await call('papers.note', { paper: meta(A), note: 'old note' });
    const [annotation] = await call('papers.note', { paper: meta(A), note });
    expect(annotation?.note).toBe(stored);
    expect((await db.papers.get(id(A)))?.note).toBe(stored);
  });

  it('removing the only note leaves the note’s tombstone and no annotation', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('papers.note', { paper: meta(A), note: 'x' });
    await call('papers.note', { paper: meta(A), note: '' });
    expect((await db.papers.get(id(A)))?.note).toBeUndefined();
    expect((await db.papers.get(id(A)))?.stamps?.note).toBeGreaterThan(0);
    expect(await call('annotations.get', { ids: [id(A)] })).toEqual({});
  });
});

describe('papers.seen', () => {
  it('marks stored papers read and unread, skips papers the store lacks, and reports the change', async () => {
    const db = freshDb();
    let now = NOW;
    const { call, changes } = storeApi(db, () => now);
    await call('papers.star', { papers: [meta(A)], starred: true });
    now = NOW + 1000;
    const read = await call('papers.seen', { ids: [id(A), id(B)], seen: true });
    expect(read).toHaveLength(1);
    expect((await db.papers.get(id(A)))?.seenAt).toBe(NOW + 1000);
    expect(await db.papers.get(id(B))).toBeUndefined();
    expect(changes.at(-1)).toEqual({ ids: [id(A)], tables: ['papers'], annotations: read });

    await call('papers.seen', { ids: [id(A)], seen: false });
    expect((await db.papers.get(id(A)))?.seenAt).toBeUndefined();
    expect((await db.papers.get(id(A)))?.starredAt).toBe(NOW);
  });

  it('changes nothing and broadcasts nothing when the papers already are as asked', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    await call('papers.star', { papers: [meta(A)], starred: true });
    const before = await snapshot(db);
    const count = changes.length;
    await call('papers.seen', { ids: [id(A)], seen: false });
    expect(await snapshot(db)).toEqual(before);
    expect(changes).toHaveLength(count);
  });
});

describe('annotations.get', () => {
  it('answers only ids with an annotation, keyed by id', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('papers.star', { papers: [meta(A)], starred: true });
    await call('papers.tag', { papers: [meta(B)], tag: 'ml', on: true });
    await db.papers.put({ id: id(C), meta: meta(C), tags: [], seenAt: NOW, updatedAt: NOW });
    const result = await call('annotations.get', { ids: [id(A), id(B), id(C), id('2602.00001')] });
    expect(result).toEqual({
      [A]: { id: A, starred: true, hidden: false, tags: [], updatedAt: NOW },
      [B]: { id: B, starred: false, hidden: false, tags: ['ml'], updatedAt: NOW },
    });
  });

  it('reads with one bulkGet, never one query per id', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('papers.star', { papers: [meta(A)], starred: true });
    const bulkGet = vi.spyOn(db.papers, 'bulkGet');
    const get = vi.spyOn(db.papers, 'get');
    const where = vi.spyOn(db.papers, 'where');
    await call('annotations.get', { ids: Array.from({ length: 300 }, (_, i) => nthId(i)) });
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(get).not.toHaveBeenCalled();
    expect(where).not.toHaveBeenCalled();
  });

  it('answers 2000 ids over a store of 20,000 papers', async () => {
    const db = freshDb();
    const records: PaperRecord[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: nthId(i),
      meta: meta(nthId(i)),
      starredAt: i % 3 === 0 ? NOW : undefined,
      hiddenAt: i % 3 === 1 ? NOW : undefined,
      tags: i % 3 === 2 ? ['ml'] : [],
      updatedAt: NOW,
    }));
    await db.papers.bulkPut(records);
    const { call } = storeApi(db);
    const ids = Array.from({ length: 2000 }, (_, i) => nthId(i * 10));
    const result = await call('annotations.get', { ids });
    expect(Object.keys(result)).toHaveLength(2000);
    expect(result[nthId(30)]).toMatchObject({ starred: true, hidden: false });
    expect(result[nthId(10)]).toMatchObject({ starred: false, hidden: true });
  }, 30_000);
});

describe('toAnnotation', () => {
  it('turns timestamps into flags and copies tags and note', () => {
    const record: PaperRecord = { id: id(A), meta: meta(A), starredAt: 1, tags: ['x'], note: 'n', seenAt: 3, updatedAt: 4 };
    const annotation = toAnnotation(record);
    expect(annotation).toEqual({ id: A, starred: true, hidden: false, tags: ['x'], note: 'n', updatedAt: 4 });
    annotation.tags.push('y');
    expect(record.tags).toEqual(['x']);
  });
});
