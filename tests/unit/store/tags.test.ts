import { describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { defaultTagColor } from '@/lib/store/tag-colors';
import { listTags } from '@/lib/store/tags';
import { NOW, freshDb, id, meta, nthId, reopenDb, snapshot, storeApi } from './support';

const A = '2602.22290';
const B = '2602.22291';
const C = '2602.22292';

async function seeded() {
  const db = freshDb();
  const api = storeApi(db);
  await api.call('tags.upsert', { name: 'ml', color: '#111111' });
  await api.call('tags.upsert', { name: 'theory', color: '#222222' });
  await api.call('tags.upsert', { name: 'unused', color: '#333333' });
  await api.call('papers.tag', { papers: [meta(A), meta(B)], tag: 'ml', on: true });
  await api.call('papers.tag', { papers: [meta(B), meta(C)], tag: 'theory', on: true });
  api.changes.length = 0;
  return { db, ...api };
}

describe('defaultTagColor', () => {
  it.each(['ml', 'to read', 'Graph neural networks', 'ø'])('gives %j the same #rrggbb colour every time', (name) => {
    expect(defaultTagColor(name)).toMatch(/^#[0-9a-f]{6}$/);
    expect(defaultTagColor(name)).toBe(defaultTagColor(name));
  });

  it('spreads names over more than one colour', () => {
    const colors = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(defaultTagColor));
    expect(colors.size).toBeGreaterThan(2);
  });
});

describe('tags.list', () => {
  it('lists every tag with its paper count, sorted by name', async () => {
    const { call } = await seeded();
    expect(await call('tags.list', {})).toEqual([
      { name: 'ml', color: '#111111', count: 2 },
      { name: 'theory', color: '#222222', count: 2 },
      { name: 'unused', color: '#333333', count: 0 },
    ]);
  });
});

describe('tags.upsert', () => {
  it('creates a tag, lower-casing its colour', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    expect(await call('tags.upsert', { name: ' new ', color: '#ABCDEF' })).toEqual({ name: 'new', color: '#abcdef', count: 0 });
    expect(await db.tags.get('new')).toEqual({ name: 'new', color: '#abcdef', createdAt: NOW });
    expect(changes).toEqual([{ ids: [], tables: ['tags'], tags: await call('tags.list', {}) }]);
  });

  it('recolours an existing tag and keeps its creation time and papers', async () => {
    const { db } = await seeded();
    const { call } = storeApi(db, () => NOW + 1000);
    expect(await call('tags.upsert', { name: 'ml', color: '#00ff00' })).toEqual({ name: 'ml', color: '#00ff00', count: 2 });
    expect(await db.tags.get('ml')).toEqual({ name: 'ml', color: '#00ff00', createdAt: NOW });
  });
});

describe('tags.rename', () => {
  it('renames a tag on every paper and keeps its colour', async () => {
    const { db, call, changes } = await seeded();
    expect(await call('tags.rename', { from: 'ml', to: 'machine learning' })).toEqual({
      name: 'machine learning',
      color: '#111111',
      count: 2,
    });
    expect(await db.tags.get('ml')).toBeUndefined();
    expect((await db.papers.get(id(B)))?.tags).toEqual(['machine learning', 'theory']);
    expect(changes).toEqual([expect.objectContaining({ ids: [A, B], tables: ['tags', 'papers'] })]);
    // The notice carries the papers' new annotations, read after the write.
    expect(changes[0]?.annotations?.map((a) => a.id)).toEqual([A, B]);
  });

  it('merges into an existing tag, keeping its colour and listing a paper that had both once', async () => {
    const { db, call } = await seeded();
    expect(await call('tags.rename', { from: 'ml', to: 'theory' })).toEqual({ name: 'theory', color: '#222222', count: 3 });
    expect((await db.papers.get(id(B)))?.tags).toEqual(['theory']);
    expect((await db.papers.get(id(A)))?.tags).toEqual(['theory']);
  });

  it('refuses to rename a tag that does not exist and changes nothing', async () => {
    const { db, call, changes } = await seeded();
    const before = await snapshot(db);
    await expect(call('tags.rename', { from: 'nope', to: 'x' })).rejects.toThrow(/^no tag named "nope"$/);
    expect(await snapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('renaming a tag to itself changes nothing', async () => {
    const { db, call, changes } = await seeded();
    const before = await snapshot(db);
    expect(await call('tags.rename', { from: 'ml', to: 'ml' })).toEqual({ name: 'ml', color: '#111111', count: 2 });
    expect(await snapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
  });
});

describe('tags.merge', () => {
  it('merges several tags into a new one, which takes the first source colour', async () => {
    const { db, call } = await seeded();
    expect(await call('tags.merge', { from: ['theory', 'ml'], into: 'all' })).toEqual({ name: 'all', color: '#222222', count: 3 });
    expect((await db.tags.toArray()).map((t) => t.name).sort()).toEqual(['all', 'unused']);
    expect((await db.papers.get(id(B)))?.tags).toEqual(['all']);
  });

  it('merges into an existing tag that is also listed as a source', async () => {
    const { db, call } = await seeded();
    expect(await call('tags.merge', { from: ['ml', 'theory', 'unused'], into: 'ml' })).toEqual({
      name: 'ml',
      color: '#111111',
      count: 3,
    });
    expect((await db.tags.toArray()).map((t) => t.name)).toEqual(['ml']);
  });

  it('refuses a merge naming a missing tag and changes nothing', async () => {
    const { db, call } = await seeded();
    const before = await snapshot(db);
    await expect(call('tags.merge', { from: ['ml', 'ghost'], into: 'x' })).rejects.toThrow(/^no tag named "ghost"$/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('tags.delete', () => {
  it('removes the tag from every paper and deletes papers left with nothing', async () => {
    const { db, call, changes } = await seeded();
    await call('papers.star', { papers: [meta(A)], starred: true });
    changes.length = 0;
    expect(await call('tags.delete', { name: 'ml' })).toEqual({ removedFrom: 2 });
    expect(await db.tags.get('ml')).toBeUndefined();
    expect(await db.papers.get(id(A))).toMatchObject({ tags: [], starredAt: NOW });
    expect((await db.papers.get(id(B)))?.tags).toEqual(['theory']);
    expect(changes).toEqual([expect.objectContaining({ ids: [A, B], tables: ['tags', 'papers'] })]);
    // The notice carries the papers' new annotations, read after the write.
    expect(changes[0]?.annotations?.map((a) => a.id)).toEqual([A, B]);
  });

  it('leaves a paper whose only annotation was the deleted tag with the tag’s tombstone only', async () => {
    const { db, call } = await seeded();
    await call('tags.delete', { name: 'theory' });
    const record = await db.papers.get(id(C));
    expect(record?.tags).toEqual([]);
    expect(record?.stamps?.tags).toHaveProperty(['theory']);
  });

  it('deleting a tag that does not exist changes nothing', async () => {
    const { db, call, changes } = await seeded();
    const before = await snapshot(db);
    expect(await call('tags.delete', { name: 'ghost' })).toEqual({ removedFrom: 0 });
    expect(await snapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
  });
});

describe('listTags on a heavy store', () => {
  it('counts each tag without reading the keys of every tagged paper', async () => {
    const filled = freshDb();
    await filled.tags.bulkPut([{ name: 'a', color: '#111111', createdAt: 1 }, { name: 'b', color: '#222222', createdAt: 2 }]);
    await filled.papers.bulkPut(Array.from({ length: 300 }, (_, i) => ({ id: nthId(i), meta: meta(nthId(i)), tags: i % 3 === 0 ? ['a', 'b'] : ['a'], updatedAt: NOW })));
    filled.close();
    const db = reopenDb(filled.name);
    let keysRead = 0;
    db.use({
      stack: 'dbcore',
      name: 'count-keys',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            query: async (request) => {
              const result = await table.query(request);
              keysRead += result.result.length;
              return result;
            },
            // Dexie walks a multi-entry index's keys with a cursor: count every step.
            openCursor: async (request) => {
              const cursor = await table.openCursor(request);
              if (!cursor) return cursor;
              const start = cursor.start.bind(cursor);
              cursor.start = (onNext) => start(() => {
                keysRead += 1;
                onNext();
              });
              return cursor;
            },
          };
        },
      }),
    });
    expect(await listTags(db)).toEqual([
      { name: 'a', color: '#111111', count: 300 },
      { name: 'b', color: '#222222', count: 100 },
    ]);
    expect(keysRead).toBeLessThanOrEqual(2);
  });
});
