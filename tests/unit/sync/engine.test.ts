import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import { SYNC_QUOTA } from '@/lib/sync/area';
import { decodeItems } from '@/lib/sync/wire';
import { Device, settle } from './devices';
import { ManualClock, SyncServer } from './emulator';
import { replicated } from './replicated';
import { triageState } from './workload';

const P = '2602.22290' as ArxivId;
const Q = '2602.00004' as ArxivId;
const YEAR = 365 * 24 * 60 * 60 * 1000;

async function world(...skews: number[]) {
  const clock = new ManualClock();
  const server = new SyncServer(clock);
  const devices = skews.map((skew, i) => new Device(server, `device-${i}`, clock, skew));
  for (const device of devices) await device.engine.start();
  await settle(server, clock);
  return { clock, server, devices };
}

describe('sync engine, two devices', () => {
  it('brings stars, tags, notes, tag colours, rules and settings to the other device', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    laptop.edit({ kind: 'star', id: P, on: true });
    laptop.edit({ kind: 'tag', id: P, name: 'ml', on: true });
    laptop.edit({ kind: 'note', id: Q, text: 'read §3' });
    laptop.edit({ kind: 'tagDef', name: 'ml', color: '#123456' });
    laptop.edit({ kind: 'rule', id: 'r1', pattern: 'consensus' });
    laptop.edit({ kind: 'setting', key: 'theme', value: 'dark' });
    await settle(server, clock);
    const paper = desktop.replica.state.papers.get(P);
    expect(paper?.starredAt).toBeDefined();
    expect(paper?.tags).toEqual(['ml']);
    expect(desktop.replica.state.papers.get(Q)?.note).toBe('read §3');
    expect(desktop.replica.state.tags.get('ml')?.color).toBe('#123456');
    expect(desktop.replica.state.rules.get('r1')?.rule?.pattern).toBe('consensus');
    expect(desktop.replica.state.settings.get('theme')?.value).toBe('dark');
    expect(replicated(desktop.replica.state)).toBe(replicated(laptop.replica.state));
  });

  it('keeps both an unstar on the laptop and a tag on the desktop made while apart', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    laptop.edit({ kind: 'star', id: P, on: true });
    await settle(server, clock);
    laptop.area.online = false;
    desktop.area.online = false;
    clock.advance(60_000);
    laptop.edit({ kind: 'star', id: P, on: false });
    clock.advance(60_000);
    desktop.edit({ kind: 'tag', id: P, name: 'ml', on: true });
    await settle(server, clock);
    laptop.area.online = true;
    desktop.area.online = true;
    await settle(server, clock);
    for (const device of devices) {
      expect(device.replica.state.papers.get(P)?.starredAt).toBeUndefined();
      expect(device.replica.state.papers.get(P)?.tags).toEqual(['ml']);
    }
  });

  it('lets a device with a clock a year fast win only until someone who saw its write edits again', async () => {
    const { clock, server, devices } = await world(YEAR, 0);
    const [fast, normal] = devices as [Device, Device];
    fast.edit({ kind: 'star', id: P, on: true });
    await settle(server, clock);
    clock.advance(60_000);
    normal.edit({ kind: 'star', id: P, on: false });
    await settle(server, clock);
    expect(fast.replica.state.papers.get(P)?.starredAt).toBeUndefined();
    expect(normal.replica.state.papers.get(P)?.starredAt).toBeUndefined();
  });

  it('turns a burst of 200 stars into a handful of writes', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    const before = laptop.area.writes.length;
    for (let i = 0; i < 200; i++) {
      laptop.edit({ kind: 'star', id: `2602.${String(10_000 + i * 7)}` as ArxivId, on: true });
      clock.advance(150);
    }
    await settle(server, clock);
    expect(laptop.area.writes.length - before).toBeLessThanOrEqual(5);
    expect([...desktop.replica.state.papers.values()].filter((p) => p.starredAt !== undefined)).toHaveLength(200);
  });

  it('retries after the browser refuses a write for its rate limit, and loses nothing', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    // Writes made before a service-worker restart, which the new scheduler never saw.
    for (let i = 0; i < SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE; i++) laptop.area.writes.push(clock.now());
    laptop.edit({ kind: 'star', id: P, on: true });
    clock.advance(3_000);
    await settle(server, clock, 10_000);
    expect(laptop.area.refused).toContain('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    expect(laptop.engine.status().phase).toBe('retrying');
    expect(laptop.engine.status().message).toMatch(/kept on this device/);
    expect(laptop.replica.state.papers.get(P)?.starredAt).toBeDefined();
    await settle(server, clock);
    expect(desktop.replica.state.papers.get(P)?.starredAt).toBeDefined();
  });

  it('over quota, syncs what fits in priority order, says so plainly, and keeps everything locally', { timeout: 60_000 }, async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    laptop.replica.state = triageState({ starred: 20_000, notes: 100 });
    laptop.edit({ kind: 'note', id: [...laptop.replica.state.papers.keys()][0]!, text: 'x'.repeat(9_000) });
    await settle(server, clock);
    expect(laptop.area.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    expect(laptop.replica.state.papers.size).toBe(20_000);
    const message = laptop.engine.status().message;
    expect(message).toMatch(/^Syncing [\d,]+ of 20,000 papers: 1 note over 8 KB is kept on this device only; the [\d,]+ least recently changed papers are kept on this device only/);
    const synced = desktop.replica.state.papers.size;
    expect(synced).toBeGreaterThan(15_000);
    expect(synced).toBeLessThan(20_000);
  });

  it('reads changes that arrived while its service worker slept when it starts again', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    desktop.sleep();
    laptop.edit({ kind: 'star', id: P, on: true });
    await settle(server, clock);
    expect(desktop.replica.state.papers.get(P)).toBeUndefined();
    await desktop.restart();
    await settle(server, clock);
    expect(desktop.replica.state.papers.get(P)?.starredAt).toBeDefined();
  });

  it('reports a malformed item from a broken device, ignores it, and keeps local data', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    desktop.edit({ kind: 'star', id: Q, on: true });
    laptop.edit({ kind: 'star', id: P, on: true });
    await settle(server, clock);
    server.items.set('p0001.broken', JSON.stringify([1, 'AB', ['ml'], [42]]));
    server.items.set('t9', JSON.stringify({ tags: 'everything' }));
    await desktop.restart();
    await settle(server, clock);
    expect(desktop.engine.status().problems.map((p) => p.key).sort()).toEqual(['p0001.broken', 't9']);
    expect(desktop.replica.state.papers.get(P)?.starredAt).toBeDefined();
    expect(desktop.replica.state.papers.get(Q)?.starredAt).toBeDefined();
  });

  it('heals an item another device overwrote while both wrote at once', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    laptop.edit({ kind: 'star', id: P, on: true });
    desktop.edit({ kind: 'star', id: Q, on: true });
    clock.advance(15_000);
    await Promise.all([laptop.engine.syncNow(), desktop.engine.syncNow()]);
    await settle(server, clock);
    const { state } = decodeItems(Object.fromEntries([...server.items].map(([k, v]) => [k, JSON.parse(v) as unknown])));
    expect(state.papers.get(P)?.starredAt).toBeDefined();
    expect(state.papers.get(Q)?.starredAt).toBeDefined();
    expect(replicated(laptop.replica.state)).toBe(replicated(desktop.replica.state));
  });

  it('stops writing once devices agree, even when equal values were built in different key orders', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop, desktop] = devices as [Device, Device];
    laptop.replica.state.settings.set('layout', { key: 'layout', value: { columns: 2, dense: true }, stamp: 29_000_000 });
    desktop.replica.state.settings.set('layout', { key: 'layout', value: { dense: true, columns: 2 }, stamp: 29_000_000 });
    laptop.engine.localChanged();
    desktop.engine.localChanged();
    await settle(server, clock);
    const writes = laptop.area.writes.length + desktop.area.writes.length;
    clock.advance(60 * 60 * 1000);
    await settle(server, clock);
    expect(laptop.area.writes.length + desktop.area.writes.length).toBe(writes);
    expect(writes).toBeLessThanOrEqual(4);
  });

  it('leaves items of a newer format alone, counting their bytes against the quota', async () => {
    const { clock, server, devices } = await world(0, 0);
    const [laptop] = devices as [Device, Device];
    const newer = JSON.stringify([2, 'x'.repeat(8_000)]);
    server.items.set('p9999.future', newer);
    await settle(server, clock);
    laptop.edit({ kind: 'star', id: P, on: true });
    await settle(server, clock);
    expect(server.items.get('p9999.future')).toBe(newer);
    expect(laptop.engine.status().problems.map((p) => p.key)).toEqual(['p9999.future']);
    expect(laptop.replica.state.papers.get(P)?.starredAt).toBeDefined();
  });

  it('delivers a deletion to a device that comes back after half a year, even beside a device a year fast', async () => {
    const { clock, server, devices } = await world(0, 0, YEAR);
    const [laptop, desktop, fast] = devices as [Device, Device, Device];
    laptop.edit({ kind: 'star', id: P, on: true });
    laptop.edit({ kind: 'setting', key: 'theme', value: 'dark' });
    await settle(server, clock);
    desktop.area.online = false;
    fast.edit({ kind: 'note', id: Q, text: 'from the future' });
    laptop.edit({ kind: 'star', id: P, on: false });
    laptop.edit({ kind: 'setting', key: 'theme' });
    await settle(server, clock);
    clock.advance(180 * 24 * 60 * 60 * 1000);
    desktop.area.online = true;
    await desktop.restart();
    await settle(server, clock);
    for (const device of devices) {
      expect(device.replica.state.papers.get(P)?.starredAt).toBeUndefined();
      expect(device.replica.state.settings.get('theme')?.value).toBeUndefined();
    }
  });
});
