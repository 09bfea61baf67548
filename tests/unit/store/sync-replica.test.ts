/**
 * The Dexie replica under the real engine: two devices, each with its own fake-indexeddb store and
 * store API, share one emulated storage.sync (tests/unit/sync/emulator.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ApiData, ApiName, ApiResult, ChangeNotice } from '@/lib/store/api';
import { callApi } from '@/lib/store/client';
import type { SiftDb } from '@/lib/store/db';
import { createApiHandler } from '@/lib/store/handlers';
import { setFlag, type MergeablePaper } from '@/lib/store/merge';
import { createDexieSyncReplica } from '@/lib/store/sync-replica';
import { defaultTagColor } from '@/lib/store/tag-colors';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { ManualClock, SyncServer, type EmulatedSyncArea } from '../sync/emulator';
import { EXTENSION_ID, OPTIONS_PAGE, PAGES_URL, freshDb, id, meta, rule } from './support';

const PAPER = '2602.22290';

interface Device {
  db: SiftDb;
  area: EmulatedSyncArea;
  engine: SyncEngine;
  /** Notices the replica sent after merging what came from the other device. */
  received: ChangeNotice[];
  call<N extends ApiName>(name: N, data: ApiData<N>): Promise<ApiResult<N>>;
}

function device(server: SyncServer, clock: ManualClock, name: string): Device {
  const db = freshDb();
  const area = server.device(name);
  const received: ChangeNotice[] = [];
  const replica = createDexieSyncReplica(db, { now: () => clock.now(), onChange: (notice) => received.push(notice) });
  const engine = createSyncEngine({ area, replica, clock });
  // As the background does: every committed write tells the engine.
  const handle = createApiHandler({ db, extensionId: EXTENSION_ID, pagesUrl: PAGES_URL, now: () => clock.now(), onChange: () => engine.localChanged() });
  const send = async (message: unknown) => handle(JSON.parse(JSON.stringify(message)), OPTIONS_PAGE);
  return { db, area, engine, received, call: (name, data) => callApi(name, data, send) };
}

/** Lets fake-indexeddb's transactions and the engine's promises finish. */
async function idle(): Promise<void> {
  for (let i = 0; i < 60; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs sync rounds and due timers until nothing is left to upload or run. */
async function settle(server: SyncServer, clock: ManualClock): Promise<void> {
  for (let quiet = 0; quiet < 3; ) {
    await idle();
    server.sync();
    await idle();
    const due = clock.nextDue();
    const pending = server.devices.some((area) => area.online && area.pending.size > 0);
    if (due !== undefined) {
      clock.runDue(due);
      quiet = 0;
    } else if (pending) quiet = 0;
    else quiet++;
  }
}

async function world() {
  const clock = new ManualClock();
  const server = new SyncServer(clock);
  const laptop = device(server, clock, 'laptop');
  const desktop = device(server, clock, 'desktop');
  await laptop.engine.start();
  await desktop.engine.start();
  await settle(server, clock);
  return { clock, server, laptop, desktop };
}

describe('the Dexie sync replica, two devices', { timeout: 30_000 }, () => {
  it('a star on one device and a tag on the other end in both on both, with a stand-in for the metadata it never saw', async () => {
    const { clock, server, laptop, desktop } = await world();
    await laptop.call('papers.star', { papers: [meta(PAPER)], starred: true });
    await desktop.call('papers.tag', { papers: [meta('2601.00001')], tag: 'ml', on: true });
    clock.advance(60_000);
    await desktop.call('papers.tag', { papers: [meta(PAPER)], tag: 'ml', on: true });
    await settle(server, clock);

    for (const { db } of [laptop, desktop]) {
      const paper = await db.papers.get(id(PAPER));
      expect(paper?.starredAt).toBeDefined();
      expect(paper?.tags).toEqual(['ml']);
    }
    const arrived = await laptop.db.papers.get(id('2601.00001'));
    expect(arrived).toMatchObject({ tags: ['ml'], metaMissing: true, meta: { id: '2601.00001', title: '2601.00001', authors: [], absUrl: 'https://arxiv.org/abs/2601.00001' } });
    // The laptop keeps its own metadata of the paper it starred.
    expect((await laptop.db.papers.get(id(PAPER)))?.meta.title).toBe(meta(PAPER).title);
    expect((await laptop.db.tags.get('ml'))?.color).toBe(defaultTagColor('ml'));
    expect(laptop.received.some((notice) => notice.annotations?.some((a) => a.id === PAPER && a.starred && a.tags.includes('ml')))).toBe(true);
  });

  it('an unstar on one device and a tag on the other of the same starred paper both survive', async () => {
    const { clock, server, laptop, desktop } = await world();
    await laptop.call('papers.star', { papers: [meta(PAPER)], starred: true });
    await settle(server, clock);
    expect((await desktop.db.papers.get(id(PAPER)))?.starredAt).toBeDefined();

    laptop.area.online = false;
    clock.advance(5 * 60_000);
    await laptop.call('papers.star', { papers: [meta(PAPER)], starred: false });
    await desktop.call('papers.tag', { papers: [meta(PAPER)], tag: 'cite', on: true });
    await settle(server, clock);
    laptop.area.online = true;
    await settle(server, clock);

    for (const { db } of [laptop, desktop]) {
      const paper = await db.papers.get(id(PAPER));
      expect(paper?.starredAt).toBeUndefined();
      expect(paper?.tags).toEqual(['cite']);
    }
  });

  it('a tag deleted and a rule saved on one device reach the other, the rule checked there', async () => {
    const { clock, server, laptop, desktop } = await world();
    await laptop.call('papers.tag', { papers: [meta(PAPER)], tag: 'old', on: true });
    await laptop.call('rules.upsert', { rule: rule('r1', { pattern: 'raft' }) });
    await settle(server, clock);
    expect(await desktop.db.tags.get('old')).toBeDefined();
    expect((await desktop.db.rules.get('r1'))?.verdict?.error).toBeUndefined();

    clock.advance(60_000);
    await laptop.call('tags.delete', { name: 'old' });
    await laptop.call('rules.delete', { id: 'r1' });
    await settle(server, clock);
    expect(await desktop.db.tags.get('old')).toBeUndefined();
    expect((await desktop.db.papers.get(id(PAPER)))?.tags).toEqual([]);
    expect(await desktop.db.rules.get('r1')).toBeUndefined();
  });
});

describe('a replace-restore wins over sync (#17)', { timeout: 30_000 }, () => {
  it('after the laptop restores a backup in replace mode, both devices end with exactly the restored state', async () => {
    const { clock, server, laptop, desktop } = await world();
    const [kept, later, tagged] = [PAPER, '2602.00002', '2602.00003'];
    await laptop.call('papers.star', { papers: [meta(kept)], starred: true });
    await laptop.call('papers.tag', { papers: [meta(tagged)], tag: 'ml', on: true });
    await laptop.call('rules.upsert', { rule: rule('r1', { pattern: 'raft' }) });
    await laptop.call('seen.mark', { ids: [id('2602.00009')] });
    await settle(server, clock);
    const backup = JSON.stringify(await laptop.call('backup.export', {}));

    // After the backup: changes on both devices, all synced.
    clock.advance(5 * 60_000);
    await laptop.call('papers.star', { papers: [meta(kept)], starred: false });
    await laptop.call('papers.star', { papers: [meta(later)], starred: true });
    await desktop.call('papers.tag', { papers: [meta(tagged)], tag: 'cite', on: true });
    await desktop.call('papers.tag', { papers: [meta(tagged)], tag: 'ml', on: false });
    await desktop.call('rules.delete', { id: 'r1' });
    await desktop.call('rules.upsert', { rule: rule('r2', { pattern: 'paxos' }) });
    await desktop.call('seen.unmark', { ids: [id('2602.00009')] });
    await desktop.call('seen.mark', { ids: [id('2602.00010')] });
    await settle(server, clock);
    expect((await laptop.db.papers.get(id(tagged)))?.tags).toEqual(['cite']);

    clock.advance(5 * 60_000);
    await laptop.call('backup.import', { json: backup, mode: 'replace' });
    await settle(server, clock);

    for (const { db } of [laptop, desktop]) {
      expect((await db.papers.get(id(kept)))?.starredAt).toBeDefined();
      expect((await db.papers.get(id(later)))?.starredAt).toBeUndefined();
      expect((await db.papers.get(id(tagged)))?.tags).toEqual(['ml']);
      expect((await db.rules.toArray()).map((r) => r.id)).toEqual(['r1']);
      expect((await db.seen.toArray()).map((mark) => mark.id)).toEqual([id('2602.00009')]);
      expect((await db.tags.toArray()).map((tag) => tag.name)).toEqual(['ml']);
    }
  });
});

describe('seen marks between two Dexie devices', { timeout: 30_000 }, () => {
  const seenIds = [id('2602.00010'), id('2602.00011'), id('hep-th/9901001')];

  it('a listing seen on one device shows seen on the other, and so does an undo of "Mark all seen"', async () => {
    const { clock, server, laptop, desktop } = await world();
    await laptop.call('seen.mark', { ids: seenIds });
    await settle(server, clock);
    expect(Object.keys((await desktop.call('listing.open', { ids: seenIds })).seen).sort()).toEqual([...seenIds].sort());
    expect((await desktop.db.seen.toArray()).map((mark) => mark.id).sort()).toEqual([...seenIds].sort());
    expect(desktop.received.some((notice) => notice.tables.includes('seen') && notice.seen !== undefined && notice.seen !== null)).toBe(true);

    clock.advance(60_000);
    await laptop.call('seen.unmark', { ids: [seenIds[0]!] });
    await settle(server, clock);
    expect((await desktop.db.seen.toArray()).map((mark) => mark.id).sort()).toEqual([seenIds[1], seenIds[2]].sort());
    expect(desktop.received.some((notice) => notice.tables.includes('seen') && notice.seen === null && notice.ids.includes(seenIds[0]!))).toBe(true);

    // Marked again within the same minute as the unmark: the mark is the later write and wins.
    await desktop.call('seen.mark', { ids: [seenIds[0]!] });
    await settle(server, clock);
    for (const { db } of [laptop, desktop]) expect((await db.seen.get(seenIds[0]!))?.at).toBeDefined();
  });

  it('two devices that saw a paper before syncing both keep the first time it was seen, to the minute', async () => {
    const { clock, server, laptop, desktop } = await world();
    laptop.area.online = false;
    clock.advance(12_345);
    await laptop.call('seen.mark', { ids: [seenIds[0]!] });
    const first = clock.now();
    clock.advance(10 * 60_000);
    await desktop.call('seen.mark', { ids: [seenIds[0]!] });
    await settle(server, clock);
    laptop.area.online = true;
    await settle(server, clock);
    // To the minute, as the sync area carries times: the desktop's own sighting ten minutes later is not kept.
    for (const { db } of [laptop, desktop]) {
      const at = (await db.seen.get(seenIds[0]!))?.at;
      expect(at).toBeLessThanOrEqual(first);
      expect(at).toBeGreaterThanOrEqual(Math.floor(first / 60_000) * 60_000);
    }
  });
});

describe('createDexieSyncReplica', () => {
  it('keeps a local write that landed after load(): apply merges again, never overwrites', async () => {
    const db = freshDb();
    const replica = createDexieSyncReplica(db, { now: () => 1_760_000_000_000 });
    const stale = await replica.load();
    expect(stale.papers.size).toBe(0);
    const handle = createApiHandler({ db, extensionId: EXTENSION_ID, pagesUrl: PAGES_URL, now: () => 1_760_000_600_000, onChange: () => undefined });
    await callApi('papers.star', { papers: [meta(PAPER)], starred: true }, (message) => handle(message, OPTIONS_PAGE)!);

    // Another device tagged the paper, knowing nothing of the star.
    const theirs = { id: id(PAPER), tags: ['ml'], stamps: { tags: { ml: 29_333_000 } } };
    await replica.apply({ papers: [theirs], tags: [], rules: [], settings: [], seen: [] });
    const paper = await db.papers.get(id(PAPER));
    expect(paper?.starredAt).toBe(1_760_000_600_000);
    expect(paper?.tags).toEqual(['ml']);
    expect(paper?.meta.title).toBe(meta(PAPER).title);
    expect(paper?.metaMissing).toBeUndefined();
  });

  it('checks a received rule here: a pattern that could freeze the page is kept, unused, with the reason', async () => {
    const db = freshDb();
    const replica = createDexieSyncReplica(db);
    const unsafe = rule('bad', { mode: 'regex', pattern: '(a+)+$', verdict: { of: 'forged' } });
    await replica.apply({ papers: [], tags: [], rules: [{ id: 'bad', rule: unsafe, stamp: 29_333_000 }], settings: [], seen: [] });
    expect((await db.rules.get('bad'))?.verdict?.error).toMatch(/backtrack/);
    const loaded = await replica.load();
    expect(loaded.rules.get('bad')?.stamp).toBe(29_333_000);
  });

  it('a page write replaces the stand-in metadata; an unstar leaves a tombstone load() reports', async () => {
    const db = freshDb();
    const replica = createDexieSyncReplica(db, { now: () => 1_760_000_000_000 });
    const starred: MergeablePaper = setFlag<MergeablePaper>({ id: id(PAPER), tags: [] }, 'star', true, 1_760_000_000_000);
    await replica.apply({ papers: [starred], tags: [], rules: [], settings: [], seen: [] });
    expect((await db.papers.get(id(PAPER)))?.metaMissing).toBe(true);

    const handle = createApiHandler({ db, extensionId: EXTENSION_ID, pagesUrl: PAGES_URL, now: () => 1_760_000_600_000, onChange: () => undefined });
    await callApi('papers.star', { papers: [meta(PAPER)], starred: false }, (message) => handle(message, OPTIONS_PAGE)!);
    const paper = await db.papers.get(id(PAPER));
    expect(paper?.metaMissing).toBeUndefined();
    expect(paper?.meta.title).toBe(meta(PAPER).title);

    const state = await replica.load();
    const loaded = state.papers.get(id(PAPER));
    expect(loaded?.starredAt).toBeUndefined();
    expect(loaded?.stamps?.star).toBeGreaterThan(starred.stamps!.star!);
  });
});
