import { describe, expect, it } from 'vitest';
import { SYNC_QUOTA, type AreaChanges } from '@/lib/sync/area';
import { drain, ManualClock, SyncServer } from './emulator';

function world() {
  const clock = new ManualClock();
  const server = new SyncServer(clock);
  return { clock, server, a: server.device('a'), b: server.device('b') };
}

describe('storage.sync emulator', () => {
  it.each([
    ['an item over 8,192 bytes (key + JSON value)', { k: 'x'.repeat(8192 - 1 - 2 + 1) }, 'QUOTA_BYTES_PER_ITEM quota exceeded'],
    ['more than 512 items', Object.fromEntries(Array.from({ length: 513 }, (_, i) => [`k${i}`, i])), 'MAX_ITEMS quota exceeded'],
    ['more than 102,400 bytes in all', Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`k${i}`, 'x'.repeat(8000)])), 'QUOTA_BYTES quota exceeded'],
  ])('refuses %s with Chrome\'s message and keeps the area as it was', async (_, items, message) => {
    const { a } = world();
    await a.set({ kept: 1 });
    await expect(a.set(items)).rejects.toThrow(message);
    expect(await a.get()).toEqual({ kept: 1 });
  });

  it('accepts an item of exactly 8,192 bytes', async () => {
    const { a } = world();
    await a.set({ k: 'x'.repeat(8192 - 1 - 2) });
    expect(a.bytesInUse()).toBe(8192);
  });

  it('refuses the 121st write in a minute and the 1,801st in an hour', async () => {
    const { a, clock } = world();
    for (let i = 0; i < SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE; i++) await a.set({ k: i });
    await expect(a.set({ k: 'one more' })).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    clock.advance(60_001);
    await a.remove(['k']);
    for (let i = 0; i < 14; i++) {
      clock.advance(60_001);
      for (let j = 0; j < 119; j++) await a.set({ k: j });
    }
    expect(a.writes.length).toBeGreaterThanOrEqual(SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_HOUR - 120);
    clock.advance(60_001);
    while (a.writes.filter((at) => at > clock.now() - 3_600_000).length < SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_HOUR) await a.set({ k: 0 });
    await expect(a.set({ k: 1 })).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
  });

  it('fires onChanged on the writing device at once and on others after the sync service runs', async () => {
    const { server, a, b } = world();
    const seenA: AreaChanges[] = [];
    const seenB: AreaChanges[] = [];
    a.subscribe((changes) => seenA.push(changes));
    b.subscribe((changes) => seenB.push(changes));
    await a.set({ k: 1 });
    await drain();
    expect(seenA).toEqual([{ k: { newValue: 1 } }]);
    expect(seenB).toEqual([]);
    server.sync();
    await drain();
    expect(seenB).toEqual([{ k: { newValue: 1 } }]);
  });

  it('keeps the last upload of an item two devices wrote while apart', async () => {
    const { server, a, b } = world();
    await a.set({ k: 'from a' });
    await b.set({ k: 'from b' });
    server.sync();
    expect(await a.get()).toEqual({ k: 'from b' });
    expect(await b.get()).toEqual({ k: 'from b' });
  });

  it('lands changes in a sleeping device\'s copy without telling its (gone) listeners', async () => {
    const { server, a, b } = world();
    const heard: AreaChanges[] = [];
    b.subscribe((changes) => heard.push(changes));
    b.sleep();
    await a.set({ k: 2 });
    server.sync();
    await drain();
    expect(heard).toEqual([]);
    expect(await b.get()).toEqual({ k: 2 });
  });

  it('holds an offline device\'s writes until it is online again', async () => {
    const { server, a, b } = world();
    a.online = false;
    await a.set({ k: 3 });
    server.sync();
    expect(await b.get()).toEqual({});
    a.online = true;
    server.sync();
    expect(await b.get()).toEqual({ k: 3 });
  });
});
