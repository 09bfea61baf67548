/** Turning sync off: a stopped engine reads, merges and writes nothing more, even mid-start. */
import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import { Device, settle } from './devices';
import { ManualClock, SyncServer } from './emulator';

const P = '2602.22290' as ArxivId;

describe('a stopped sync engine', () => {
  it('stopped before its first read of the area answers, merges nothing of what is there and writes nothing', async () => {
    const clock = new ManualClock();
    const server = new SyncServer(clock);
    const laptop = new Device(server, 'laptop', clock);
    const desktop = new Device(server, 'desktop', clock);
    await laptop.engine.start();
    laptop.edit({ kind: 'star', id: P, on: true });
    await settle(server, clock);
    expect([...desktop.area.copy.keys()].length).toBeGreaterThan(0);

    desktop.edit({ kind: 'tag', id: P, name: 'ml', on: true });
    const starting = desktop.engine.start();
    desktop.engine.stop();
    await starting;
    desktop.engine.localChanged();
    expect((await desktop.engine.syncNow()).phase).toBe('stopped');
    await settle(server, clock);

    expect(desktop.replica.state.papers.get(P)?.starredAt).toBeUndefined();
    expect(desktop.area.writes).toEqual([]);
    expect(laptop.replica.state.papers.get(P)?.tags).toEqual([]);
  });

  it('stopped after starting, ignores what arrives from another device', async () => {
    const clock = new ManualClock();
    const server = new SyncServer(clock);
    const laptop = new Device(server, 'laptop', clock);
    const desktop = new Device(server, 'desktop', clock);
    await laptop.engine.start();
    await desktop.engine.start();
    await settle(server, clock);
    desktop.engine.stop();
    laptop.edit({ kind: 'star', id: P, on: true });
    await settle(server, clock);
    expect(laptop.replica.state.papers.get(P)?.starredAt).toBeDefined();
    expect(desktop.replica.state.papers.get(P)).toBeUndefined();
  });
});
