/**
 * Backup and restore against the database: the whole store as one document, and a validated
 * document applied in one transaction, by merging or by replacing everything.
 *
 * Merging is THE merge of lib/store/merge.ts, the one sync uses: field by field, by per-field
 * stamps, tombstones included, so a note or a tag removal made here since the backup survives,
 * and a restore and a sync agree on what "newer" means. Replacing re-stamps the restored state
 * past every stamp the store and the file know, and leaves tombstones for what it removed, so the
 * next sync round carries the restored state to the other devices instead of bringing the
 * replaced one back.
 */
import type { ArxivId } from '@/lib/arxiv/types';
import { judgeRule } from '@/lib/rules/judge';
import type { Stamp } from '@/lib/sync/hlc';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parseBackup,
  type BackupDocument,
  type BackupStamps,
  type ImportCounts,
  type ImportMode,
  type ImportReport,
} from './backup-format';
import type { PaperRecord, SiftDb } from './db';
import {
  canonicalJson,
  mergePaper,
  mergeRuleEntry,
  mergeSeenEntry,
  mergeTagEntry,
  replicatedRule,
  stamped,
  type PaperStamps,
  type RuleEntry,
  type SeenEntry,
  type TagEntry,
} from './merge';
import { ruleCapProblem } from './rules';
import { createCarriedTags, legacyStamp, loadEntries, ruleStampKey, seenStampKey, tagStampKey, writeRuleEntries, writeSeenEntries, writeTagEntries } from './sync-stamps';

const RESTORED_TABLES = (db: SiftDb) => [db.papers, db.tags, db.rules, db.seen, db.syncStamps];

/**
 * The whole store as one backup document, read in one transaction so it is a consistent snapshot.
 * Paper records are exported as stored (metadata snapshot and stamps included), with the stamps
 * and tombstones of tags, rules and seen marks; turning papers into citation formats is
 * lib/export's job.
 */
export async function exportBackup(db: SiftDb, now: number = Date.now()): Promise<BackupDocument> {
  return db.transaction('r', RESTORED_TABLES(db), async () => {
    const [papers, tags, rules, seen, stamps] = await Promise.all([db.papers.toArray(), db.tags.toArray(), db.rules.toArray(), db.seen.toArray(), db.syncStamps.toArray()]);
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, tables: { papers, tags, rules, seen }, stamps: toBackupStamps(stamps) };
  });
}

/** The syncStamps table's records as a backup's `stamps`, each family in key order. */
export function toBackupStamps(records: readonly { key: string; stamp: Stamp }[]): BackupStamps {
  const out: BackupStamps = { tags: [], rules: [], seen: [] };
  for (const { key, stamp } of records) {
    const colon = key.indexOf(':');
    const family = key.slice(0, colon);
    const name = key.slice(colon + 1);
    if (family === 'tag') out.tags.push([name, stamp]);
    else if (family === 'rule') out.rules.push([name, stamp]);
    else if (family === 'seen') out.seen.push([name as ArxivId, stamp]);
  }
  return out;
}

/** Records per `bulkPut` request of a restore. */
const WRITE_SLICE = 2000;

async function putInSlices<T>(put: (records: T[]) => Promise<unknown>, records: readonly T[]): Promise<void> {
  // In slices: one request of 100,000 records is several times slower than fifty of 2,000 (in
  // fake-indexeddb 37 s against 16 s), and the transaction keeps them atomic all the same.
  for (let from = 0; from < records.length; from += WRITE_SLICE) await put(records.slice(from, from + WRITE_SLICE));
}

/** Structural equality of two IndexedDB/JSON values, ignoring key order. */
function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && isSameValue(aRecord[key], bRecord[key]));
}

const zeroCounts = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0, removed: 0 });

/** The tag, rule and seen-mark entries a backup holds, stamped by its `stamps` or as written at their own times, tombstones included. */
function entriesOf(doc: BackupDocument): { tags: Map<string, TagEntry>; rules: Map<string, RuleEntry>; seen: Map<ArxivId, SeenEntry> } {
  const stampOf = new Map<string, Stamp>([
    ...doc.stamps.tags.map(([name, stamp]) => [tagStampKey(name), stamp] as const),
    ...doc.stamps.rules.map(([id, stamp]) => [ruleStampKey(id), stamp] as const),
    ...doc.stamps.seen.map(([id, stamp]) => [seenStampKey(id), stamp] as const),
  ]);
  const tags = new Map<string, TagEntry>();
  const rules = new Map<string, RuleEntry>();
  const seen = new Map<ArxivId, SeenEntry>();
  for (const tag of doc.tables.tags) tags.set(tag.name, { ...tag, stamp: stampOf.get(tagStampKey(tag.name)) ?? legacyStamp(tag.createdAt) });
  for (const rule of doc.tables.rules) rules.set(rule.id, { id: rule.id, rule, stamp: stampOf.get(ruleStampKey(rule.id)) ?? legacyStamp(rule.updatedAt) });
  for (const mark of doc.tables.seen) seen.set(mark.id, { id: mark.id, at: mark.at, stamp: stampOf.get(seenStampKey(mark.id)) ?? legacyStamp(mark.at) });
  for (const [name, stamp] of doc.stamps.tags) if (!tags.has(name)) tags.set(name, { name, stamp });
  for (const [id, stamp] of doc.stamps.rules) if (!rules.has(id)) rules.set(id, { id, stamp });
  for (const [id, stamp] of doc.stamps.seen) if (!seen.has(id)) seen.set(id, { id, stamp });
  return { tags, rules, seen };
}

/** How one table's entries are told apart and compared: present or a tombstone, and their value. */
interface EntryKind<E> {
  key(entry: E): string;
  present(entry: E): boolean;
  value(entry: E): string;
  merge(a: E, b: E): E;
}

const TAG_KIND: EntryKind<TagEntry> = { key: (e) => e.name, present: (e) => e.color !== undefined, value: (e) => canonicalJson([e.color, e.createdAt]), merge: mergeTagEntry };
const RULE_KIND: EntryKind<RuleEntry> = { key: (e) => e.id, present: (e) => e.rule !== undefined, value: (e) => canonicalJson(e.rule && replicatedRule(e.rule)), merge: mergeRuleEntry };
const SEEN_KIND: EntryKind<SeenEntry> = { key: (e) => e.id, present: (e) => e.at !== undefined, value: (e) => String(e.at), merge: mergeSeenEntry };

/** Merges the file's entries into the store's: what must be written, and the counts. */
function mergeEntries<E extends { stamp: Stamp }>(kind: EntryKind<E>, local: ReadonlyMap<string, E>, incoming: ReadonlyMap<string, E>): { writes: E[]; counts: ImportCounts } {
  const counts = zeroCounts();
  const writes: E[] = [];
  for (const [key, theirs] of incoming) {
    const ours = local.get(key);
    const next = ours === undefined ? theirs : kind.merge(ours, theirs);
    const was = ours !== undefined && kind.present(ours);
    const is = kind.present(next);
    if (was && is) counts[kind.value(ours) === kind.value(next) ? 'unchanged' : 'updated']++;
    else if (is) counts.added++;
    else if (was) counts.removed++;
    if (ours === undefined || next.stamp !== ours.stamp || kind.value(next) !== kind.value(ours)) writes.push(next);
  }
  return { writes, counts };
}

/** Merge mode: every record of the file merged into the store's record of the same key. */
async function mergeBackup(db: SiftDb, doc: BackupDocument, now: number): Promise<ImportReport> {
  const papers = zeroCounts();
  const incoming = doc.tables.papers;
  const before = await db.papers.bulkGet(incoming.map((record) => record.id));
  const writes: PaperRecord[] = [];
  incoming.forEach((record, i) => {
    const local = before[i];
    if (local === undefined) {
      papers.added++;
      writes.push(record);
      return;
    }
    const next = mergePaper(local, record);
    // A record written before stamps existed reads as stamped at `updatedAt`: compared so, it is
    // unchanged by a file holding the same, and stays as it is.
    if (isSameValue(stamped(local), next)) papers.unchanged++;
    else {
      papers.updated++;
      writes.push(next);
    }
  });
  await putInSlices((slice) => db.papers.bulkPut(slice), writes);

  const local = await loadEntries(db);
  const theirs = entriesOf(doc);
  const tags = mergeEntries(TAG_KIND, local.tags, theirs.tags);
  const rules = mergeEntries(RULE_KIND, local.rules, theirs.rules);
  const seen = mergeEntries(SEEN_KIND, local.seen, theirs.seen);
  await writeTagEntries(db, tags.writes, now);
  await writeRuleEntries(db, rules.writes);
  await putInSlices((slice) => writeSeenEntries(db, slice), seen.writes);
  const report: ImportReport = { papers, tags: tags.counts, rules: rules.counts, seen: seen.counts };
  // Merged papers may carry tags from either side; every tag a paper carries must exist.
  report.tags.added += await createCarriedTags(db, (await db.papers.orderBy('tags').uniqueKeys()).map(String), now);
  return report;
}

const PAPER_FLAGS = [
  ['star', 'starredAt'],
  ['hide', 'hiddenAt'],
  ['seen', 'seenAt'],
  ['note', 'note'],
] as const;

/** The latest stamp a paper record holds, counting an unstamped record as written at `updatedAt`. */
function newestStampOf(record: PaperRecord): Stamp {
  const stamps = record.stamps ?? {};
  return Math.max(legacyStamp(record.updatedAt), ...PAPER_FLAGS.map(([field]) => stamps[field] ?? 0), ...Object.values(stamps.tags ?? {}));
}

/**
 * `restored` (or, when undefined, nothing: a tombstone for `local`) with every replicated field
 * either record has or stamped stamped `stamp`: its value now wins over any older copy, and what
 * it lacks is a tombstone that removes the older copy's value.
 */
function restampPaper(restored: PaperRecord | undefined, local: PaperRecord | undefined, stamp: Stamp, now: number): PaperRecord | undefined {
  const sides = [restored, local].filter((record) => record !== undefined);
  const stamps: PaperStamps = {};
  for (const [field, key] of PAPER_FLAGS) if (sides.some((record) => record[key] !== undefined || record.stamps?.[field] !== undefined)) stamps[field] = stamp;
  const names = new Set(sides.flatMap((record) => [...record.tags, ...Object.keys(record.stamps?.tags ?? {})]));
  if (names.size > 0) stamps.tags = Object.fromEntries([...names].map((name) => [name, stamp]));
  if (restored !== undefined) return { ...restored, stamps };
  if (Object.keys(stamps).length === 0 || local === undefined) return undefined;
  const tombstone: PaperRecord = { id: local.id, meta: local.meta, tags: [], stamps, updatedAt: now };
  if (local.metaMissing) tombstone.metaMissing = true;
  return tombstone;
}

/** Replace mode's counts of one table: by key, against what the store held. */
function replaceCounts<T>(before: readonly T[], after: readonly T[], keyOf: (record: T) => string, comparable: (record: T) => unknown): ImportCounts {
  const counts = zeroCounts();
  const old = new Map(before.map((record) => [keyOf(record), record]));
  const kept = new Set(after.map(keyOf));
  for (const record of after) {
    const local = old.get(keyOf(record));
    if (local === undefined) counts.added++;
    else counts[isSameValue(comparable(local), comparable(record)) ? 'unchanged' : 'updated']++;
  }
  counts.removed = before.filter((record) => !kept.has(keyOf(record))).length;
  return counts;
}

const withoutStamps = ({ stamps: _stamps, ...rest }: PaperRecord) => rest;

/**
 * Replace mode: every table holds exactly the file's records, all stamped with one stamp past every
 * stamp the store and the file hold, and every tag, rule, seen mark and paper field the store had
 * and the file lacks leaves a tombstone of that stamp.
 */
async function replaceWithBackup(db: SiftDb, doc: BackupDocument, now: number): Promise<ImportReport> {
  const [localPapers, local] = await Promise.all([db.papers.toArray(), loadEntries(db)]);
  const theirs = entriesOf(doc);
  let newest = 0;
  for (const record of [...localPapers, ...doc.tables.papers]) newest = Math.max(newest, newestStampOf(record));
  for (const entries of [local.tags, local.rules, local.seen, theirs.tags, theirs.rules, theirs.seen]) {
    for (const entry of entries.values()) newest = Math.max(newest, entry.stamp);
  }
  const stamp = Math.max(legacyStamp(now), newest + 1);

  const localById = new Map(localPapers.map((record) => [record.id, record]));
  const inFile = new Set(doc.tables.papers.map((record) => record.id));
  const papers = doc.tables.papers.map((record) => restampPaper(record, localById.get(record.id), stamp, now)!);
  const tombstones = localPapers.flatMap((record) => (inFile.has(record.id) ? [] : (restampPaper(undefined, record, stamp, now) ?? [])));
  const report: ImportReport = {
    papers: replaceCounts(localPapers, doc.tables.papers, (record) => record.id, withoutStamps),
    tags: replaceCounts(await db.tags.toArray(), doc.tables.tags, (record) => record.name, (record) => record),
    rules: replaceCounts(await db.rules.toArray(), doc.tables.rules.map(judgeRule), (record) => record.id, (record) => record),
    seen: replaceCounts(await db.seen.toArray(), doc.tables.seen, (record) => record.id, (record) => record),
  };
  await Promise.all([db.papers.clear(), db.tags.clear(), db.rules.clear(), db.seen.clear(), db.syncStamps.clear()]);
  await putInSlices((slice) => db.papers.bulkPut(slice), [...papers, ...tombstones]);

  const restamp = <E extends { stamp: Stamp }>(mine: ReadonlyMap<string, E>, file: ReadonlyMap<string, E>, tombstone: (key: string) => E): E[] => {
    const out: E[] = [...file.values()].map((entry) => ({ ...entry, stamp }));
    for (const key of mine.keys()) if (!file.has(key)) out.push({ ...tombstone(key), stamp });
    return out;
  };
  await writeTagEntries(db, restamp(local.tags, theirs.tags, (name) => ({ name, stamp })), now);
  await writeRuleEntries(db, restamp(local.rules, theirs.rules, (id) => ({ id, stamp })));
  await putInSlices((slice) => writeSeenEntries(db, slice), restamp(local.seen, theirs.seen, (id) => ({ id: id as ArxivId, stamp })));
  // Every tag a restored paper carries must exist: one the file lacks is part of the restored state too.
  report.tags.added += await createCarriedTags(db, papers.flatMap((record) => record.tags), now, stamp);
  return report;
}

/**
 * Validates `json` as a backup (see {@link parseBackup}) and applies it in one transaction, as
 * {@link applyBackup} describes. On any error the store is left exactly as it was.
 */
export async function importBackup(
  db: SiftDb,
  json: string,
  { mode, now = Date.now() }: { mode: ImportMode; now?: number },
): Promise<ImportReport> {
  return applyBackup(db, parseBackup(json), { mode, now });
}

/**
 * Applies a validated backup document in one transaction. `merge` merges every paper, tag, rule
 * and seen mark of the file with the store's through lib/store/merge.ts, field by field by their
 * stamps (records of files before version 3 and unstamped fields count as written at their
 * `updatedAt`, `createdAt` or `at`), so neither side's later writes or removals are lost. `replace`
 * leaves exactly the file's records, re-stamped to win over every older copy, with tombstones for
 * what it removed, so sync spreads the restored state. Tags a paper carries but the tag table lacks
 * are created with their default colour. Every rule is checked again (a file can carry any
 * verdict); a rule that fails is kept, switched off by its verdict, so the rest of the file still
 * restores. More rules than the store keeps (see `ruleCapProblem`) refuse the whole import. On any
 * error the store is left exactly as it was.
 */
export async function applyBackup(db: SiftDb, doc: BackupDocument, { mode, now = Date.now() }: { mode: ImportMode; now?: number }): Promise<ImportReport> {
  return db.transaction('rw', RESTORED_TABLES(db), async () => {
    const report = mode === 'merge' ? await mergeBackup(db, doc, now) : await replaceWithBackup(db, doc, now);
    const capProblem = ruleCapProblem(await db.rules.toArray());
    if (capProblem !== undefined) throw new Error(`tables.rules: ${capProblem}`);
    return report;
  });
}
