/**
 * The Dexie store as the sync engine's replica (lib/sync/engine.ts): what of it replicates, and
 * how what arrives from other devices is merged in.
 *
 * Settings are not part of it: the ones worth syncing are `sync:` storage items already
 * (lib/settings), which the browser replicates itself. Seen marks replicate as the papers'
 * `seenAt` ("read in the reading list"); the listings' seen table stays on each device.
 */
import type { ArxivId } from '@/lib/arxiv/types';
import { judgeRule } from '@/lib/rules/compile';
import type { SyncReplica } from '@/lib/sync/engine';
import { stampOfMs, type Stamp } from '@/lib/sync/hlc';
import type { ChangeNotice } from './api';
import { toChangeNotice } from './change-notice';
import type { PaperRecord, SiftDb } from './db';
import { emptyState, mergePaper, type MergeChanges, type MergeablePaper, type ReplicatedState } from './merge';
import { ruleStampKey, tagStampKey } from './sync-stamps';
import { defaultTagColor } from './tag-colors';
import type { TableName } from './tables';

/**
 * The stamp of a tag a paper from another device brought along before its definition arrived:
 * the lowest there is, so any device's real definition of the tag wins over it.
 */
const PLACEHOLDER_STAMP: Stamp = 1;

const legacyStamp = (ms: number): Stamp => Math.max(1, stampOfMs(ms));

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
 * The sync replica over `db`. `load()` reads papers, tags and rules with their stamps (records
 * written before sync count as written at `updatedAt`/`createdAt`); `apply()` merges again
 * against what the store holds now, in one transaction, so a local write that landed after
 * `load()` is kept. Papers that arrive without metadata get a stand-in (`metaMissing`), received
 * rules are checked on this device like imported ones, and tags a paper brings along are created
 * with their default colour. Example: `createDexieSyncReplica(db, { onChange: broadcastChange })`.
 */
export function createDexieSyncReplica(db: SiftDb, { now = Date.now, onChange }: SyncReplicaOptions = {}): SyncReplica {
  return {
    load: () =>
      db.transaction('r', db.papers, db.tags, db.rules, db.syncStamps, async () => {
        const [papers, tags, rules, stamps] = await Promise.all([db.papers.toArray(), db.tags.toArray(), db.rules.toArray(), db.syncStamps.toArray()]);
        const stampOf = new Map(stamps.map((record) => [record.key, record.stamp]));
        const state: ReplicatedState = emptyState();
        for (const paper of papers) state.papers.set(paper.id, paper);
        for (const tag of tags) {
          state.tags.set(tag.name, { name: tag.name, color: tag.color, createdAt: tag.createdAt, stamp: stampOf.get(tagStampKey(tag.name)) ?? legacyStamp(tag.createdAt) });
        }
        for (const rule of rules) {
          state.rules.set(rule.id, { id: rule.id, rule, stamp: stampOf.get(ruleStampKey(rule.id)) ?? legacyStamp(rule.updatedAt) });
        }
        // A stamp whose tag or rule is gone is its tombstone.
        for (const { key, stamp } of stamps) {
          if (key.startsWith('tag:') && !state.tags.has(key.slice(4))) state.tags.set(key.slice(4), { name: key.slice(4), stamp });
          if (key.startsWith('rule:') && !state.rules.has(key.slice(5))) state.rules.set(key.slice(5), { id: key.slice(5), stamp });
        }
        return state;
      }),

    async apply(changes: MergeChanges) {
      const at = now();
      const written = await db.transaction('rw', db.papers, db.tags, db.rules, db.syncStamps, async () => {
        const tables = new Set<TableName>();
        for (const entry of changes.tags) {
          if (entry.color === undefined) await db.tags.delete(entry.name);
          else {
            const existing = await db.tags.get(entry.name);
            await db.tags.put({ name: entry.name, color: entry.color, createdAt: entry.createdAt ?? existing?.createdAt ?? at });
          }
          await db.syncStamps.put({ key: tagStampKey(entry.name), stamp: entry.stamp });
          tables.add('tags');
        }
        for (const entry of changes.rules) {
          // Another device's verdict is not trusted: the rule is checked here, and one that fails is kept unused with the reason.
          if (entry.rule === undefined) await db.rules.delete(entry.id);
          else await db.rules.put(judgeRule(entry.rule));
          await db.syncStamps.put({ key: ruleStampKey(entry.id), stamp: entry.stamp });
          tables.add('rules');
        }
        const ids = changes.papers.map((paper) => paper.id);
        const current = await db.papers.bulkGet(ids);
        const puts = changes.papers.map((incoming, i) => {
          const stored = current[i];
          if (stored !== undefined) return withReplicated(stored, mergePaper(stored, incoming));
          const given = incoming as Partial<PaperRecord>;
          const base: PaperRecord =
            given.meta === undefined
              ? { id: incoming.id, meta: minimalMeta(incoming.id), metaMissing: true, tags: [], updatedAt: at }
              : { ...(incoming as PaperRecord), updatedAt: incoming.updatedAt ?? at };
          return withReplicated(base, incoming);
        });
        await db.papers.bulkPut(puts);
        if (puts.length > 0) tables.add('papers');
        const carried = [...new Set(puts.flatMap((paper) => paper.tags))];
        const known = await db.tags.bulkGet(carried);
        const missing = carried.filter((_, i) => known[i] === undefined);
        if (missing.length > 0) {
          await db.tags.bulkPut(missing.map((name) => ({ name, color: defaultTagColor(name), createdAt: at })));
          const stamped = await db.syncStamps.bulkGet(missing.map(tagStampKey));
          await db.syncStamps.bulkPut(missing.filter((_, i) => stamped[i] === undefined).map((name) => ({ key: tagStampKey(name), stamp: PLACEHOLDER_STAMP })));
          tables.add('tags');
        }
        return { ids, tables: [...tables] };
      });
      if (onChange === undefined || written.tables.length === 0) return;
      try {
        onChange(await toChangeNotice(db, written, undefined, at));
      } catch (error) {
        console.error('[sift] sync: change listener failed', error);
      }
    },
  };
}
