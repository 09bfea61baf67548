/**
 * Simulated devices for the sync tests: each has its own local store (an in-memory replica that
 * merges on apply, as the Dexie one must), its own copy of the emulated sync area, its own engine
 * and its own clock skew; all share one sync server and one manual clock.
 */
import type { ArxivId } from '@/lib/arxiv/types';
import type { Rule } from '@/lib/rules/types';
import {
  emptyState,
  mergePaper,
  mergeRuleEntry,
  mergeSeenEntry,
  mergeSettingEntry,
  mergeTagEntry,
  nextEntry,
  setFlag,
  setNote,
  setTag,
  type MergeChanges,
  type MergeablePaper,
  type ReplicatedState,
  type ReplicatedValue,
} from '@/lib/store/merge';
import { createSyncEngine, type SyncEngine, type SyncReplica, type SyncStatus } from '@/lib/sync/engine';
import type { SyncClock } from '@/lib/sync/scheduler';
import { drain, type EmulatedSyncArea, type ManualClock, type SyncServer } from './emulator';

/** The local store of one device: the source of truth, merged into, never overwritten by sync. */
export class MemoryReplica implements SyncReplica {
  state: ReplicatedState = emptyState();
  loads = 0;

  async load(): Promise<ReplicatedState> {
    this.loads++;
    await Promise.resolve();
    return structuredClone(this.state);
  }

  async apply(changes: MergeChanges): Promise<void> {
    await Promise.resolve();
    const { papers, tags, rules, settings, seen } = this.state;
    for (const paper of changes.papers) {
      const ours = papers.get(paper.id);
      papers.set(paper.id, ours ? mergePaper(ours, paper) : paper);
    }
    for (const tag of changes.tags) tags.set(tag.name, tags.has(tag.name) ? mergeTagEntry(tags.get(tag.name)!, tag) : tag);
    for (const rule of changes.rules) rules.set(rule.id, rules.has(rule.id) ? mergeRuleEntry(rules.get(rule.id)!, rule) : rule);
    for (const setting of changes.settings) {
      settings.set(setting.key, settings.has(setting.key) ? mergeSettingEntry(settings.get(setting.key)!, setting) : setting);
    }
    for (const mark of changes.seen) seen.set(mark.id, seen.has(mark.id) ? mergeSeenEntry(seen.get(mark.id)!, mark) : mark);
  }
}

export type Edit =
  | { kind: 'star' | 'hide' | 'seen'; id: ArxivId; on: boolean }
  | { kind: 'tag'; id: ArxivId; name: string; on: boolean }
  | { kind: 'note'; id: ArxivId; text: string }
  /** A listing's seen mark (the `seen` table), marked or unmarked, as lib/store/seen.ts writes it. */
  | { kind: 'mark'; id: ArxivId; on: boolean }
  | { kind: 'tagDef'; name: string; color?: string }
  | { kind: 'rule'; id: string; pattern?: string }
  | { kind: 'setting'; key: string; value?: ReplicatedValue };

export function rule(id: string, pattern: string, at: number): Rule {
  return {
    id,
    pattern,
    mode: 'phrase',
    fields: ['title'],
    caseSensitive: false,
    diacriticSensitive: false,
    color: '#aabbcc',
    action: 'highlight',
    enabled: true,
    createdAt: at,
    updatedAt: at,
  };
}

export class Device {
  readonly replica = new MemoryReplica();
  readonly area: EmulatedSyncArea;
  engine: SyncEngine;
  statuses: SyncStatus[] = [];

  constructor(
    server: SyncServer,
    readonly name: string,
    readonly clock: ManualClock,
    /** How far this device's clock is off: a laptop a year fast, a desktop a day slow. */
    readonly skewMs = 0,
  ) {
    this.area = server.device(name);
    this.engine = this.newEngine();
  }

  private newEngine(): SyncEngine {
    const skewed: SyncClock = {
      now: () => this.clock.now() + this.skewMs,
      setTimeout: (run, ms) => this.clock.setTimeout(run, ms),
      clearTimeout: (handle) => this.clock.clearTimeout(handle),
    };
    return createSyncEngine({ area: this.area, replica: this.replica, clock: skewed, onStatus: (status) => this.statuses.push(status) });
  }

  now(): number {
    return this.clock.now() + this.skewMs;
  }

  /** The service worker stops and starts again: listeners and engine memory gone, the local store kept. */
  async restart(): Promise<void> {
    this.engine.stop();
    this.area.sleep();
    this.engine = this.newEngine();
    await this.engine.start();
  }

  /** Stops the engine and drops its listeners, as a sleeping service worker has none. */
  sleep(): void {
    this.engine.stop();
    this.area.sleep();
  }

  paper(id: ArxivId): MergeablePaper {
    return this.replica.state.papers.get(id) ?? { id, tags: [], stamps: {} };
  }

  /** A local write, as the store makes it: the field's new value with a stamp past its old one. */
  edit(edit: Edit): void {
    const now = this.now();
    const { papers, tags, rules, settings, seen } = this.replica.state;
    switch (edit.kind) {
      case 'star':
      case 'hide':
      case 'seen': {
        const before = this.paper(edit.id);
        const after = setFlag(before, edit.kind, edit.on, now);
        if (after === before) return;
        papers.set(edit.id, after);
        break;
      }
      case 'tag': {
        const before = this.paper(edit.id);
        const after = setTag(before, edit.name, edit.on, now);
        if (after === before) return;
        papers.set(edit.id, after);
        break;
      }
      case 'note': {
        const before = this.paper(edit.id);
        const after = setNote(before, edit.text.trim() === '' ? undefined : edit.text, now);
        if (after === before) return;
        papers.set(edit.id, after);
        break;
      }
      case 'mark': {
        const old = seen.get(edit.id);
        if ((old?.at !== undefined) === edit.on) return;
        seen.set(edit.id, nextEntry(old, edit.on ? { id: edit.id, at: now } : { id: edit.id }, now));
        break;
      }
      case 'tagDef': {
        const old = tags.get(edit.name);
        if (old?.color === edit.color) return;
        const fields = edit.color === undefined ? { name: edit.name } : { name: edit.name, color: edit.color, createdAt: old?.createdAt ?? now };
        tags.set(edit.name, nextEntry(old, fields, now));
        break;
      }
      case 'rule': {
        const old = rules.get(edit.id);
        if (old?.rule?.pattern === edit.pattern) return;
        rules.set(edit.id, nextEntry(old, edit.pattern === undefined ? { id: edit.id } : { id: edit.id, rule: rule(edit.id, edit.pattern, now) }, now));
        break;
      }
      case 'setting': {
        const old = settings.get(edit.key);
        if (JSON.stringify(old?.value) === JSON.stringify(edit.value)) return;
        settings.set(edit.key, nextEntry(old, edit.value === undefined ? { key: edit.key } : { key: edit.key, value: edit.value }, now));
        break;
      }
    }
    this.engine.localChanged();
  }
}

/**
 * Runs the world until nothing is left to do: promises and events settle, the sync service runs
 * rounds, and the clock jumps to each pending timer (debounces, retries), up to `maxMs` of time.
 */
export async function settle(server: SyncServer, clock: ManualClock, maxMs = 3 * 60 * 60 * 1000): Promise<void> {
  const until = clock.now() + maxMs;
  let quiet = 0;
  while (quiet < 3) {
    await drain();
    server.sync();
    await drain();
    const due = clock.nextDue();
    const pending = server.devices.some((device) => device.online && device.pending.size > 0);
    if (due !== undefined && due <= until) {
      clock.runDue(due);
      quiet = 0;
    } else if (pending) quiet = 0;
    else quiet++;
  }
}
