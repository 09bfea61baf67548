/**
 * A storage.sync emulator for tests: one sync server and a copy of the area per device, as the
 * browsers keep it. Writes apply to the device's copy at once (with every Chrome quota and rate
 * limit enforced, and Chrome's error messages), fire `onChanged` on that device, and reach the
 * others only when the test calls `server.sync()` (devices that are offline wait). The server
 * keeps the last upload of each item, as Chrome Sync does, so two devices writing one item while
 * apart overwrite each other. A device that is asleep (its service worker stopped) has no
 * listeners: changes still land in its copy, and its next engine reads them with `get()`.
 */
import { SYNC_QUOTA, itemBytes, type AreaChanges, type SyncArea } from '@/lib/sync/area';
import type { SyncClock } from '@/lib/sync/scheduler';

/** A clock the test moves; timers run when it reaches them. */
export class ManualClock implements SyncClock {
  private time: number;
  private timers = new Map<number, { at: number; run: () => void }>();
  private nextId = 1;

  constructor(start = Date.UTC(2026, 10, 2, 9, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** When the next timer is due, if any. */
  nextDue(): number | undefined {
    let next: number | undefined;
    for (const { at } of this.timers.values()) if (next === undefined || at < next) next = at;
    return next;
  }

  /** Moves the clock to `at` (never backwards) and runs the timers due by then. */
  runDue(at: number): void {
    this.time = Math.max(this.time, at);
    for (const [id, timer] of [...this.timers].sort(([, a], [, b]) => a.at - b.at)) {
      if (timer.at > this.time) continue;
      this.timers.delete(id);
      timer.run();
    }
  }

  advance(ms: number): void {
    this.runDue(this.time + ms);
  }
}

/** Lets every pending promise and I/O callback run. */
export async function drain(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

type Stored = Map<string, string>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export class SyncServer {
  readonly items: Stored = new Map();
  readonly devices: EmulatedSyncArea[] = [];

  constructor(readonly clock: ManualClock) {}

  device(name: string): EmulatedSyncArea {
    const device = new EmulatedSyncArea(this, name);
    this.devices.push(device);
    return device;
  }

  /** One round of the sync service: every online device uploads its pending writes, in turn, then downloads the result. */
  sync(): void {
    for (const device of this.devices) if (device.online) device.upload(this.items);
    for (const device of this.devices) if (device.online) device.download(this.items);
  }
}

export class EmulatedSyncArea implements SyncArea {
  readonly copy: Stored = new Map();
  /** Keys written here and not yet uploaded: the text written, or undefined for a removal. */
  readonly pending = new Map<string, string | undefined>();
  readonly writes: number[] = [];
  /** Every batch of changes delivered to this device's listeners, for tests that deliver again. */
  readonly delivered: AreaChanges[] = [];
  online = true;
  /** Write operations refused, by reason. */
  readonly refused: string[] = [];
  private listeners = new Set<(changes: AreaChanges) => void>();

  constructor(
    private readonly server: SyncServer,
    readonly name: string,
  ) {}

  async get(): Promise<Record<string, unknown>> {
    await Promise.resolve();
    return Object.fromEntries([...this.copy].map(([key, text]) => [key, JSON.parse(text) as unknown]));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await Promise.resolve();
    this.checkRate();
    const next = new Map(this.copy);
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA.QUOTA_BYTES_PER_ITEM) this.refuse('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, JSON.stringify(value));
    }
    if (next.size > SYNC_QUOTA.MAX_ITEMS) this.refuse('MAX_ITEMS quota exceeded');
    let total = 0;
    for (const [key, text] of next) total += itemBytes(key, JSON.parse(text));
    if (total > SYNC_QUOTA.QUOTA_BYTES) this.refuse('QUOTA_BYTES quota exceeded');
    this.writes.push(this.server.clock.now());
    const changes: AreaChanges = {};
    for (const [key, value] of Object.entries(items)) {
      const text = JSON.stringify(value);
      const old = this.copy.get(key);
      this.copy.set(key, text);
      this.pending.set(key, text);
      changes[key] = old === undefined ? { newValue: JSON.parse(text) } : { oldValue: JSON.parse(old), newValue: JSON.parse(text) };
    }
    this.fire(changes);
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.resolve();
    this.checkRate();
    this.writes.push(this.server.clock.now());
    const changes: AreaChanges = {};
    for (const key of keys) {
      const old = this.copy.get(key);
      if (old === undefined) continue;
      this.copy.delete(key);
      this.pending.set(key, undefined);
      changes[key] = { oldValue: JSON.parse(old) };
    }
    this.fire(changes);
  }

  subscribe(listener: (changes: AreaChanges) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The service worker stops: its listeners are gone with it. */
  sleep(): void {
    this.listeners.clear();
  }

  /** Delivers a batch of changes to the listeners again, as a late or repeated event would. */
  redeliver(index: number): void {
    const changes = this.delivered[index % Math.max(1, this.delivered.length)];
    if (changes) this.fire(changes);
  }

  /** Bytes used, as `getBytesInUse(null)` reports. */
  bytesInUse(): number {
    let total = 0;
    for (const [key, text] of this.copy) total += itemBytes(key, JSON.parse(text));
    return total;
  }

  upload(server: Stored): void {
    for (const [key, text] of this.pending) {
      if (text === undefined) server.delete(key);
      else server.set(key, text);
    }
    this.pending.clear();
  }

  download(server: Stored): void {
    const changes: AreaChanges = {};
    for (const [key, text] of server) {
      const old = this.copy.get(key);
      if (old === text) continue;
      this.copy.set(key, text);
      changes[key] = old === undefined ? { newValue: JSON.parse(text) } : { oldValue: JSON.parse(old), newValue: JSON.parse(text) };
    }
    for (const [key, old] of [...this.copy]) {
      if (server.has(key)) continue;
      this.copy.delete(key);
      changes[key] = { oldValue: JSON.parse(old) };
    }
    if (Object.keys(changes).length > 0) this.fire(changes);
  }

  private checkRate(): void {
    const now = this.server.clock.now();
    const inMinute = this.writes.filter((at) => at > now - MINUTE).length;
    const inHour = this.writes.filter((at) => at > now - HOUR).length;
    if (inMinute >= SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE) this.refuse('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (inHour >= SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_HOUR) this.refuse('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
  }

  private refuse(reason: string): never {
    this.refused.push(reason);
    throw new Error(reason);
  }

  private fire(changes: AreaChanges): void {
    if (Object.keys(changes).length === 0) return;
    this.delivered.push(changes);
    // Browsers deliver onChanged asynchronously, after the write's promise settles.
    setImmediate(() => {
      for (const listener of this.listeners) listener(structuredClone(changes));
    });
  }
}
