import { describe, expect, it } from 'vitest';
import type { SiftDb } from '@/lib/store/db';
import { loadEntries } from '@/lib/store/sync-stamps';
import { stampOfMs } from '@/lib/sync/hlc';
import { NOW, freshDb, nthId, storeApi } from './support';

const loadEntriesOf = (db: SiftDb) => db.transaction('r', [db.tags, db.rules, db.seen, db.syncStamps], () => loadEntries(db));

describe('seen marks', () => {
  it('marks papers seen once, keeping the first time, and says which were new', async () => {
    const db = freshDb();
    let now = NOW;
    const { call, changes } = storeApi(db, () => now);
    expect(await call('seen.mark', { ids: [nthId(0), nthId(1), nthId(0)] })).toEqual({ marked: [nthId(0), nthId(1)] });
    now = NOW + 1000;
    expect(await call('seen.mark', { ids: [nthId(1), nthId(2)] })).toEqual({ marked: [nthId(2)] });
    expect(await db.seen.toArray()).toEqual([
      { id: nthId(0), at: NOW },
      { id: nthId(1), at: NOW },
      { id: nthId(2), at: NOW + 1000 },
    ]);
    expect(changes.map((change) => [change.ids, change.tables, change.seen])).toEqual([
      [[nthId(0), nthId(1)], ['seen'], NOW],
      [[nthId(2)], ['seen'], NOW + 1000],
    ]);
  });

  it('broadcasts nothing when everything was seen already', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    await call('seen.mark', { ids: [nthId(0)] });
    await call('seen.mark', { ids: [nthId(0)] });
    expect(changes).toHaveLength(1);
  });

  it('unmarks what it marked (the undo of "Mark all seen")', async () => {
    const db = freshDb();
    const { call, changes } = storeApi(db);
    await call('seen.mark', { ids: [nthId(0), nthId(1)] });
    expect(await call('seen.unmark', { ids: [nthId(1), nthId(5)] })).toEqual({ unmarked: [nthId(1)] });
    expect(await db.seen.toArray()).toEqual([{ id: nthId(0), at: NOW }]);
    expect(changes.at(-1)).toMatchObject({ ids: [nthId(1)], tables: ['seen'], seen: null });
  });

  it('leaves an unmark\'s tombstone for sync, and stamps a mark made again past it', async () => {
    const db = freshDb();
    const { call } = storeApi(db, () => NOW);
    await call('seen.mark', { ids: [nthId(0), nthId(1)] });
    expect(await db.syncStamps.count()).toBe(0);
    await call('seen.unmark', { ids: [nthId(0)] });
    const minute = stampOfMs(NOW);
    expect(await db.syncStamps.toArray()).toEqual([{ key: `seen:${nthId(0)}`, stamp: minute + 1 }]);
    // Marked again in the same minute: the mark must still be the later write.
    await call('seen.mark', { ids: [nthId(0)] });
    expect(await db.syncStamps.toArray()).toEqual([{ key: `seen:${nthId(0)}`, stamp: minute + 2 }]);
    const { seen } = await loadEntriesOf(db);
    expect(seen.get(nthId(0))).toEqual({ id: nthId(0), at: NOW, stamp: minute + 2 });
    expect(seen.get(nthId(1))).toEqual({ id: nthId(1), at: NOW, stamp: minute });
  });

  it('answers a listing which of its papers were seen, with the rest of what it needs, in one message', async () => {
    const db = freshDb();
    const { call } = storeApi(db);
    await call('seen.mark', { ids: [nthId(1)] });
    const snapshot = await call('listing.open', { ids: [nthId(0), nthId(1)] });
    expect(snapshot).toEqual({ annotations: {}, tags: [], rules: [], seen: { [nthId(1)]: NOW } });
  });

  it('reads a page of 2000 ids against a long history by key: only the page ids come back', async () => {
    const db = freshDb();
    await db.seen.bulkPut(Array.from({ length: 20_000 }, (_, n) => ({ id: nthId(n), at: NOW })));
    const { call } = storeApi(db);
    const page = Array.from({ length: 2000 }, (_, n) => nthId(19_000 + n));
    const snapshot = await call('listing.open', { ids: page });
    expect(Object.keys(snapshot.seen)).toHaveLength(1000);
  }, 30_000);
});
