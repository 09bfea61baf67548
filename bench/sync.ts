/**
 * Sync measurements in Node, where the codec and the merge are plain functions: encoding 5,000
 * papers into sync items, decoding them back, and merging 5,000 remote papers into 5,000 local
 * ones (aim: 20 ms each), plus the sync-area bytes 1,000 / 5,000 / 10,000 starred papers take.
 * The lead's runner calls {@link measureSync} and turns its samples into results with `toResult`.
 */
import { emptyState, mergeState, type ReplicatedState } from '@/lib/store/merge';
import { itemBytes } from '@/lib/sync/area';
import { decodeItems, encodeState } from '@/lib/sync/wire';
import { triageState } from '../tests/unit/sync/workload';

export interface SyncPlan {
  papers: number;
  warmups: number;
  runs: number;
  /** Starred papers (two tags each) whose sync-area size is reported. */
  sizes: number[];
}

export const SYNC_PLAN: SyncPlan = { papers: 5000, warmups: 5, runs: 15, sizes: [1000, 5000, 10_000] };

export interface SyncSamples {
  papers: number;
  /** Milliseconds per run, warm-ups first. */
  encode: number[];
  decode: number[];
  merge: number[];
  /** Starred papers → bytes of sync area used, and items. */
  bytes: { starred: number; bytes: number; items: number; synced: number }[];
  /** The capacity aim's state: 5,000 starred papers with two tags and 300 notes of 200 characters. */
  capacity: { bytes: number; items: number; synced: number; notes: number };
}

function copyState(state: ReplicatedState): ReplicatedState {
  const out = emptyState();
  for (const [id, paper] of state.papers) out.papers.set(id, { ...paper, stamps: { ...paper.stamps } });
  for (const [name, tag] of state.tags) out.tags.set(name, tag);
  return out;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function sizeOf(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

/**
 * Runs the sync measurements. Merge is timed on a remote state that differs from the local one in
 * a tenth of its papers (unstarred later, one more tag), so the merge does real work.
 */
export function measureSync(plan: SyncPlan = SYNC_PLAN): SyncSamples {
  const state = triageState({ starred: plan.papers });
  const { items } = encodeState(state);
  const remote = copyState(state);
  let i = 0;
  for (const paper of remote.papers.values()) {
    if (i++ % 10 !== 0) continue;
    delete paper.starredAt;
    paper.stamps!.star = paper.stamps!.star! + 1000;
    paper.tags = [...paper.tags, 'later'];
    paper.stamps!.tags = { ...paper.stamps!.tags, later: paper.stamps!.star };
  }
  // Each figure runs in its own loop, warm-ups first, so the JIT has settled on that code alone.
  const runs = plan.warmups + plan.runs;
  const encode = Array.from({ length: runs }, () => time(() => encodeState(state)));
  const decode = Array.from({ length: runs }, () => time(() => decodeItems(items)));
  const locals = Array.from({ length: runs }, () => copyState(state));
  const merge = locals.map((local) => time(() => mergeState(local, remote)));
  const bytes = plan.sizes.map((starred) => {
    const encoded = encodeState(triageState({ starred }));
    return { starred, bytes: sizeOf(encoded.items), items: Object.keys(encoded.items).length, synced: encoded.coverage.papers.synced };
  });
  const full = encodeState(triageState({ starred: 5000, notes: 300, noteLength: 200 }));
  const capacity = { bytes: sizeOf(full.items), items: Object.keys(full.items).length, synced: full.coverage.papers.synced, notes: full.coverage.notes.synced };
  return { papers: plan.papers, encode, decode, merge, bytes, capacity };
}
