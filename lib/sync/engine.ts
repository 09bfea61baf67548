/**
 * The replication engine: local changes → sync area, sync-area changes → local merges.
 *
 * The local store stays the source of truth; the sync area is a replica of what fits. Nothing in
 * it is ever taken as a deletion by its absence: only tombstones delete. So a write the browser
 * refuses, an item another device overwrote, or a paper left out for lack of room loses nothing:
 * the next flush writes it again, or it stays on this device and the status says so.
 *
 * storage.sync replicates item by item, last writer wins per item, so two devices writing the
 * same item at once can overwrite each other's additions. The engine heals that: after merging
 * what arrives, it encodes its own merged state and writes again whatever the area lacks, which
 * ends once every device holds the same state (equal states encode to equal items).
 */
import { i18n } from '#i18n';
import {
  mergeState,
  type MergeChanges,
  type ReplicatedState,
} from '@/lib/store/merge';
import { SYNC_QUOTA, itemBytes, type AreaChanges, type SyncArea } from './area';
import { WriteScheduler, isQuotaError, type SyncClock } from './scheduler';
import { describeCoverage } from './status';
import { FULL_BUDGET, decodeItems, encodeState, isOwnItem, type Coverage, type Items, type WireProblem } from './wire';

/** The device's store as the engine sees it. */
export interface SyncReplica {
  /** The replicated state of every paper, tag, rule, setting and seen mark in the local store. */
  load(): Promise<ReplicatedState>;
  /**
   * Merges `changes` into the local store in one transaction: read each record, merge with
   * lib/store/merge.ts, write. Merging again (not overwriting) keeps a local write that landed
   * after `load()`.
   */
  apply(changes: MergeChanges): Promise<void>;
}

export interface SyncStatus {
  phase: 'starting' | 'idle' | 'pending' | 'retrying' | 'stopped';
  /** When this device last finished a write or a read of the sync area. */
  lastSyncAt?: number;
  coverage?: Coverage;
  /** "Syncing 4,800 of 6,100 papers: …": the sentence for the options page. */
  message: string;
  /** Items of the sync area that could not be read (another device's bug): skipped, never applied. */
  problems: WireProblem[];
  /** The last refused write, in the browser's words, while a retry is due. */
  error?: string;
}

export interface SyncEngineOptions {
  area: SyncArea;
  replica: SyncReplica;
  clock: SyncClock;
  onStatus?: (status: SyncStatus) => void;
  debounceMs?: number;
  maxWaitMs?: number;
}

export interface SyncEngine {
  /** Subscribes to the area, reads it whole (changes that came while the worker slept), merges, and writes what the area lacks. */
  start(): Promise<void>;
  /** Call after every local write: the change is written to the area after the debounce. */
  localChanged(): void;
  /** Reads and writes now ("Sync now"); resolves with the status after. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  stop(): void;
}

const SAME = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function hasChanges(changes: MergeChanges): boolean {
  return changes.papers.length + changes.tags.length + changes.rules.length + changes.settings.length + changes.seen.length > 0;
}

/**
 * A sync engine over `area` and `replica`. It keeps no state that matters across restarts: a
 * restarted service worker calls `start()` again, which reads the whole area.
 */
export function createSyncEngine({ area, replica, clock, onStatus, debounceMs, maxWaitMs }: SyncEngineOptions): SyncEngine {
  let known: Items = {};
  let status: SyncStatus = { phase: 'starting', message: i18n.t('sync.status.starting'), problems: [] };
  let unsubscribe: (() => void) | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /** The share of the quota the encoder aims for; shrinks after a quota refusal (another device's items counted differently). */
  let budgetShare = 1;
  /** Once stopped (sync turned off), nothing more is read, merged or written. */
  let stopped = false;

  const update = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    onStatus?.(status);
  };

  /** Runs `task` after every task queued before it, so merges and writes never interleave. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  /** Merges `items` into the local store; returns the local state after the merge. */
  const merge = async (items: Items): Promise<ReplicatedState> => {
    const { state: remote, problems } = decodeItems(items);
    if (problems.length > 0) update({ problems: [...status.problems.filter((p) => !(p.key in items)), ...problems] });
    else if (status.problems.some((p) => p.key in items)) update({ problems: status.problems.filter((p) => !(p.key in items)) });
    const local = await replica.load();
    const changes = mergeState(local, remote);
    if (hasChanges(changes)) await replica.apply(changes);
    return local;
  };

  const desired = (local: ReplicatedState) => {
    // Items of other formats (a newer Sift, another feature) take their share of the quota.
    const foreign = Object.entries(known).filter(([key, value]) => !isOwnItem(key, value));
    const foreignBytes = foreign.reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    const budget = { bytes: Math.floor((FULL_BUDGET.bytes - foreignBytes) * budgetShare), items: FULL_BUDGET.items - foreign.length };
    return encodeState(local, budget);
  };

  const differs = (items: Items) =>
    Object.keys(items).some((key) => !SAME(known[key], items[key])) ||
    Object.keys(known).some((key) => isOwnItem(key, known[key]) && !(key in items));

  /** Writes what the area lacks: one `remove` for items no longer wanted, one `set` for changed ones. */
  const flush = () =>
    serial(async () => {
      const fresh = await area.get();
      const arrived: Items = {};
      for (const [key, value] of Object.entries(fresh)) if (!SAME(known[key], value)) arrived[key] = value;
      known = fresh;
      const local = Object.keys(arrived).length > 0 ? await merge(arrived) : await replica.load();
      const { items, coverage } = desired(local);
      const stale = Object.keys(known).filter((key) => isOwnItem(key, known[key]) && !(key in items));
      const changed: Items = {};
      for (const [key, value] of Object.entries(items)) if (!SAME(known[key], value)) changed[key] = value;
      let ops = 0;
      try {
        if (stale.length > 0) {
          await area.remove(stale);
          ops++;
          for (const key of stale) delete known[key];
        }
        if (Object.keys(changed).length > 0) {
          await area.set(changed);
          ops++;
          Object.assign(known, changed);
        }
      } catch (error) {
        if (isQuotaError(error)) budgetShare = Math.max(0.5, budgetShare - 0.05);
        throw error;
      }
      budgetShare = Math.min(1, budgetShare + 0.01);
      const { error: _cleared, ...rest } = status;
      status = rest;
      update({ phase: 'idle', lastSyncAt: clock.now(), coverage, message: describeCoverage(coverage, SYNC_QUOTA.QUOTA_BYTES) });
      return ops;
    });

  const scheduler = new WriteScheduler({
    clock,
    flush,
    ...(debounceMs === undefined ? {} : { debounceMs }),
    ...(maxWaitMs === undefined ? {} : { maxWaitMs }),
    onError: (error, retryAt) => {
      const reason = error instanceof Error ? error.message : String(error);
      const wait = Math.max(1, Math.round((retryAt - clock.now()) / 1000));
      // The reason is the browser's own words (a quota refusal, an IndexedDB error): it stays as given.
      update({ phase: 'retrying', error: reason, message: i18n.t('sync.status.paused', { reason, seconds: wait }) });
    },
  });

  /** After a merge, writes back if this device holds anything the area lacks. */
  const checkBehind = (local: ReplicatedState): Coverage => {
    const { items, coverage } = desired(local);
    if (differs(items)) {
      update({ phase: 'pending' });
      scheduler.request();
    }
    return coverage;
  };

  const onChanged = (changes: AreaChanges) => {
    if (stopped) return;
    const arrived: Items = {};
    for (const [key, change] of Object.entries(changes)) {
      if (change.newValue === undefined) delete known[key];
      else {
        known[key] = change.newValue;
        arrived[key] = change.newValue;
      }
    }
    void serial(async () => {
      checkBehind(await merge(arrived));
      update({ lastSyncAt: clock.now() });
    }).catch((error: unknown) => update({ error: error instanceof Error ? error.message : String(error) }));
  };

  return {
    async start() {
      unsubscribe ??= area.subscribe(onChanged);
      await serial(async () => {
        known = await area.get();
        // The area may answer after sync was turned off (the background starts before it has read the switch).
        if (stopped) return;
        const coverage = checkBehind(await merge(known));
        if (status.phase === 'starting') update({ phase: 'idle', lastSyncAt: clock.now(), coverage, message: describeCoverage(coverage) });
      });
    },
    localChanged() {
      if (stopped) return;
      update({ phase: 'pending' });
      scheduler.request();
    },
    async syncNow() {
      if (stopped) return status;
      await scheduler.flushNow();
      return status;
    },
    status: () => status,
    stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = undefined;
      scheduler.stop();
      update({ phase: 'stopped' });
    },
  };
}
