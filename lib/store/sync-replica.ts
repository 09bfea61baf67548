/**
 * The Dexie store as the sync engine's replica (lib/sync/engine.ts): what of it replicates, and
 * how what arrives from other devices is merged in.
 *
 * Settings are not part of it: the ones worth syncing are `sync:` storage items already
 * (lib/settings), which the browser replicates itself. Read marks replicate as the papers'
 * `seenAt` ("read in the reading list"), the listings' seen marks as the `seen` table's marks
 * with their stamps and tombstones (lib/store/sync-stamps.ts).
 */
import type { ArxivId } from '@/lib/arxiv/types';
import type { SyncReplica } from '@/lib/sync/engine';
import type { ChangeNotice } from './api';
import { toChangeNotice } from './change-notice';
import type { PaperRecord, SiftDb } from './db';
import { mergePaper, mergeSeenEntry, type MergeChanges, type MergeablePaper, type ReplicatedState } from './merge';
import { createCarriedTags, loadEntries, seenEntriesOf, writeRuleEntries, writeSeenEntries, writeTagEntries } from './sync-stamps';
import type { TableName } from './tables';


/** The stand-in metadata of a paper that came from another device: its id until a page shows it. */
function minimalMeta(id: ArxivId): PaperRecord['meta'] {
  return { id, title: id, authors: [], subjects: [], section: 'new', absUrl: `https://arxiv.org/abs/${id}` };
}

/** `target` with the replicated fields (star, hide, seen, note, tags and their stamps) of `merged`. */
function withReplicated(target: PaperRecord, merged: MergeablePaper): PaperRecord {
  const out: PaperRecord = { ...target, tags: [...merged.tags] };
  if (merged.stamps !== undefined) out.stamps = merged.stamps;
  for (const key of ['starredAt', 'hiddenAt', 'seenAt', 'note'] as const) {
    const value = merged[key];
    if (value === undefined) delete out[key];
    else (out as Record<typeof key, unknown>)[key] = value;
  }
  return out;
}

export interface SyncReplicaOptions {
  now?: () => number;
  /** Called after merged changes commit, with the notice every tab and page should get. */
  onChange?: (notice: ChangeNotice) => void;
}

/**
 * The sync replica over `db`. `load()` reads papers, tags, rules and seen marks with their stamps
 * (records written before sync count as written at `updatedAt`/`createdAt`/`at`); `apply()` merges
 * again against what the store holds now, in one transaction, so a local write that landed after
 * `load()` is kept. Papers that arrive without metadata get a stand-in (`metaMissing`), received
 * rules are checked on this device like imported ones, and tags a paper brings along are created
 * with their default colour. Example: `createDexieSyncReplica(db, { onChange: broadcastChange })`.
 */
export function createDexieSyncReplica(db: SiftDb, { now = Date.now, onChange }: SyncReplicaOptions = {}): SyncReplica {
  return {
    load: () =>
      db.transaction('r', [db.papers, db.tags, db.rules, db.seen, db.syncStamps], async () => {
        const [papers, entries] = await Promise.all([db.papers.toArray(), loadEntries(db)]);
        const state: ReplicatedState = { papers: new Map(), settings: new Map(), ...entries };
        for (const paper of papers) state.papers.set(paper.id, paper);
        return state;
      }),

    async apply(changes: MergeChanges) {
      const at = now();
      const written = await db.transaction('rw', [db.papers, db.tags, db.rules, db.seen, db.syncStamps], async () => {
        const tables = new Set<TableName>();
        if (changes.tags.length > 0) {
          await writeTagEntries(db, changes.tags, at);
          tables.add('tags');
        }
        if (changes.rules.length > 0) {
          await writeRuleEntries(db, changes.rules);
          tables.add('rules');
        }
        const current = await seenEntriesOf(db, changes.seen.map((entry) => entry.id));
        const marks = changes.seen.map((incoming, i) => (current[i] === undefined ? incoming : mergeSeenEntry(current[i], incoming)));
        await writeSeenEntries(db, marks);
        const marked = marks.filter((mark, i) => mark.at !== undefined && current[i]?.at === undefined).map((mark) => mark.id);
        const unmarked = marks.filter((mark, i) => mark.at === undefined && current[i]?.at !== undefined).map((mark) => mark.id);
        const ids = changes.papers.map((paper) => paper.id);
        const stored = await db.papers.bulkGet(ids);
        const puts = changes.papers.map((incoming, i) => {
          const record = stored[i];
          if (record !== undefined) return withReplicated(record, mergePaper(record, incoming));
          const given = incoming as Partial<PaperRecord>;
          const base: PaperRecord =
            given.meta === undefined
              ? { id: incoming.id, meta: minimalMeta(incoming.id), metaMissing: true, tags: [], updatedAt: at }
              : { ...(incoming as PaperRecord), updatedAt: incoming.updatedAt ?? at };
          return withReplicated(base, incoming);
        });
        await db.papers.bulkPut(puts);
        if (puts.length > 0) tables.add('papers');
        if ((await createCarriedTags(db, puts.flatMap((paper) => paper.tags), at)) > 0) tables.add('tags');
        return { ids, tables: [...tables], marked, unmarked };
      });
      if (onChange === undefined) return;
      try {
        if (written.tables.length > 0) onChange(await toChangeNotice(db, written, undefined, at));
        // Listings show seen marks arriving from another device as they show another tab's.
        if (written.marked.length > 0) onChange({ ids: written.marked, tables: ['seen'], seen: at });
        if (written.unmarked.length > 0) onChange({ ids: written.unmarked, tables: ['seen'], seen: null });
      } catch (error) {
        console.error('[sift] sync: change listener failed', error);
      }
    },
  };
}
