/**
 * The stamps of tag, rule and seen-mark writes (the `syncStamps` table), written in the same
 * transaction as the tag, rule or mark, so sync and backup merges can order two versions and a
 * deletion leaves its tombstone; and the store's tags, rules and seen marks read and written as the
 * stamped entries of lib/store/merge.ts, the one form both sync and backup restore merge.
 *
 * A tag or rule without a stamp counts as written at its `createdAt` / `updatedAt`, a seen mark at
 * its `at`; a seen mark's stamp is only stored when it differs from that (a mark made again after
 * an unmark in the same minute, or one that arrived with another device's stamp).
 */
import type { ArxivId } from '@/lib/arxiv/types';
import { judgeRule } from '@/lib/rules/judge';
import { nextStamp, stampOfMs, type Stamp } from '@/lib/sync/hlc';
import type { SeenRecord, SiftDb } from './db';
import type { RuleEntry, SeenEntry, TagEntry } from './merge';
import { defaultTagColor } from './tag-colors';

export const tagStampKey = (name: string) => `tag:${name}`;
export const ruleStampKey = (id: string) => `rule:${id}`;
export const seenStampKey = (id: string) => `seen:${id}`;

/** The stamp of a write made before stamps existed, at `ms`. */
export const legacyStamp = (ms: number): Stamp => Math.max(1, stampOfMs(ms));

async function bump(db: SiftDb, key: string, now: number): Promise<Stamp> {
  const stamp = nextStamp((await db.syncStamps.get(key))?.stamp, now);
  await db.syncStamps.put({ key, stamp });
  return stamp;
}

/**
 * Stamps a write of tag `name` (created, recoloured or deleted) at `now`, past its previous
 * write. Call inside a transaction that includes `syncStamps`.
 */
export function stampTag(db: SiftDb, name: string, now: number): Promise<Stamp> {
  return bump(db, tagStampKey(name), now);
}

/** Stamps a write of rule `id` (saved or deleted) at `now`; inside a transaction with `syncStamps`. */
export function stampRule(db: SiftDb, id: string, now: number): Promise<Stamp> {
  return bump(db, ruleStampKey(id), now);
}

/**
 * Stamps seen marks of `ids` newly made at `now`: a mark made where an unmark left its tombstone
 * gets a stamp past it, so it wins over the unmark everywhere. Inside a transaction with `seen`
 * and `syncStamps`, before or after the marks are written.
 */
export async function stampSeenMarks(db: SiftDb, ids: readonly ArxivId[], now: number): Promise<void> {
  const keys = ids.map(seenStampKey);
  const stored = await db.syncStamps.bulkGet(keys);
  const puts = stored.flatMap((record) => (record === undefined ? [] : [{ key: record.key, stamp: nextStamp(record.stamp, now) }]));
  // The common stamp (the mark's own minute) need not be stored.
  await db.syncStamps.bulkDelete(puts.filter((record) => record.stamp === legacyStamp(now)).map((record) => record.key));
  await db.syncStamps.bulkPut(puts.filter((record) => record.stamp !== legacyStamp(now)));
}

/** The seen-mark entries of `ids` the store holds, tombstones included. Inside a transaction with `seen` and `syncStamps`. */
export async function seenEntriesOf(db: SiftDb, ids: readonly ArxivId[]): Promise<(SeenEntry | undefined)[]> {
  const [marks, stamps] = await Promise.all([db.seen.bulkGet([...ids]), db.syncStamps.bulkGet(ids.map(seenStampKey))]);
  return ids.map((id, i) => {
    const mark = marks[i];
    const stamp = stamps[i]?.stamp;
    if (mark !== undefined) return { id, at: mark.at, stamp: stamp ?? legacyStamp(mark.at) };
    return stamp === undefined ? undefined : { id, stamp };
  });
}

/**
 * Leaves the tombstones of seen marks `removed` unmarked at `now`: stamps past each mark's own,
 * so a device that still has the mark takes the unmark. Inside a transaction with `syncStamps`.
 */
export async function stampSeenRemovals(db: SiftDb, removed: readonly SeenRecord[], now: number): Promise<void> {
  const stored = await db.syncStamps.bulkGet(removed.map((record) => seenStampKey(record.id)));
  await db.syncStamps.bulkPut(
    removed.map((record, i) => ({ key: seenStampKey(record.id), stamp: nextStamp(stored[i]?.stamp ?? legacyStamp(record.at), now) })),
  );
}

/** Every tag, rule and seen mark of the store as stamped entries, tombstones included. Inside a transaction with `tags`, `rules`, `seen` and `syncStamps`. */
export async function loadEntries(db: SiftDb): Promise<{ tags: Map<string, TagEntry>; rules: Map<string, RuleEntry>; seen: Map<ArxivId, SeenEntry> }> {
  const [tagRecords, ruleRecords, seenRecords, stamps] = await Promise.all([db.tags.toArray(), db.rules.toArray(), db.seen.toArray(), db.syncStamps.toArray()]);
  const stampOf = new Map(stamps.map((record) => [record.key, record.stamp]));
  const tags = new Map<string, TagEntry>();
  const rules = new Map<string, RuleEntry>();
  const seen = new Map<ArxivId, SeenEntry>();
  for (const tag of tagRecords) {
    tags.set(tag.name, { name: tag.name, color: tag.color, createdAt: tag.createdAt, stamp: stampOf.get(tagStampKey(tag.name)) ?? legacyStamp(tag.createdAt) });
  }
  for (const rule of ruleRecords) rules.set(rule.id, { id: rule.id, rule, stamp: stampOf.get(ruleStampKey(rule.id)) ?? legacyStamp(rule.updatedAt) });
  for (const mark of seenRecords) seen.set(mark.id, { id: mark.id, at: mark.at, stamp: stampOf.get(seenStampKey(mark.id)) ?? legacyStamp(mark.at) });
  // A stamp whose tag, rule or mark is gone is its tombstone.
  for (const { key, stamp } of stamps) {
    const colon = key.indexOf(':');
    const name = key.slice(colon + 1);
    const family = key.slice(0, colon);
    if (family === 'tag' && !tags.has(name)) tags.set(name, { name, stamp });
    else if (family === 'rule' && !rules.has(name)) rules.set(name, { id: name, stamp });
    else if (family === 'seen' && !seen.has(name as ArxivId)) seen.set(name as ArxivId, { id: name as ArxivId, stamp });
  }
  return { tags, rules, seen };
}

/**
 * Writes tag entries: a definition is stored (keeping the stored `createdAt` when the entry has
 * none, else `at`), a tombstone deletes the tag; either way its stamp is kept. Inside a
 * transaction with `tags` and `syncStamps`.
 */
export async function writeTagEntries(db: SiftDb, entries: readonly TagEntry[], at: number): Promise<void> {
  const existing = await db.tags.bulkGet(entries.map((entry) => entry.name));
  await db.tags.bulkDelete(entries.filter((entry) => entry.color === undefined).map((entry) => entry.name));
  await db.tags.bulkPut(
    entries.flatMap((entry, i) => (entry.color === undefined ? [] : [{ name: entry.name, color: entry.color, createdAt: entry.createdAt ?? existing[i]?.createdAt ?? at }])),
  );
  await db.syncStamps.bulkPut(entries.map((entry) => ({ key: tagStampKey(entry.name), stamp: entry.stamp })));
}

/**
 * Writes rule entries: a rule is checked on this device (another device's or a file's verdict is
 * not trusted; one that fails is kept unused with the reason), a tombstone deletes it; either way
 * its stamp is kept. Inside a transaction with `rules` and `syncStamps`.
 */
export async function writeRuleEntries(db: SiftDb, entries: readonly RuleEntry[]): Promise<void> {
  await db.rules.bulkDelete(entries.filter((entry) => entry.rule === undefined).map((entry) => entry.id));
  await db.rules.bulkPut(entries.flatMap((entry) => (entry.rule === undefined ? [] : [judgeRule(entry.rule)])));
  await db.syncStamps.bulkPut(entries.map((entry) => ({ key: ruleStampKey(entry.id), stamp: entry.stamp })));
}

/**
 * Writes seen-mark entries: a mark is stored with its time, a tombstone deletes it; the stamp is
 * stored unless the mark's own time gives it. Inside a transaction with `seen` and `syncStamps`.
 */
export async function writeSeenEntries(db: SiftDb, entries: readonly SeenEntry[]): Promise<void> {
  const marks: SeenRecord[] = [];
  const gone: ArxivId[] = [];
  for (const entry of entries) {
    if (entry.at === undefined) gone.push(entry.id);
    else marks.push({ id: entry.id, at: entry.at });
  }
  await db.seen.bulkDelete(gone);
  await db.seen.bulkPut(marks);
  const implied = (entry: SeenEntry) => entry.at !== undefined && entry.stamp === legacyStamp(entry.at);
  await db.syncStamps.bulkDelete(entries.filter(implied).map((entry) => seenStampKey(entry.id)));
  await db.syncStamps.bulkPut(entries.filter((entry) => !implied(entry)).map((entry) => ({ key: seenStampKey(entry.id), stamp: entry.stamp })));
}

/**
 * The stamp of a tag a paper from another device brought along before its definition arrived:
 * the lowest there is, so any device's real definition of the tag wins over it.
 */
const PLACEHOLDER_STAMP: Stamp = 1;

/**
 * Creates, with their default colour, the tags that papers in the store carry but the tag table
 * lacks (a paper from another device or a file brought them along), each stamped `stamp` unless
 * the tag has a stamp already (its tombstone). Answers how many were created. Inside a
 * transaction with `tags` and `syncStamps`.
 */
export async function createCarriedTags(db: SiftDb, carried: readonly string[], at: number, stamp: Stamp = PLACEHOLDER_STAMP): Promise<number> {
  const unique = [...new Set(carried)];
  const known = await db.tags.bulkGet(unique);
  const missing = unique.filter((_, i) => known[i] === undefined);
  if (missing.length === 0) return 0;
  await db.tags.bulkPut(missing.map((name) => ({ name, color: defaultTagColor(name), createdAt: at })));
  const stamped = await db.syncStamps.bulkGet(missing.map(tagStampKey));
  await db.syncStamps.bulkPut(missing.filter((_, i) => stamped[i] === undefined).map((name) => ({ key: tagStampKey(name), stamp })));
  return missing.length;
}
