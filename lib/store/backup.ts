/**
 * Backup and restore: one versioned JSON document holding every table. A restore validates the
 * whole document before touching the store, then replaces or merges in one transaction, so a bad
 * or half-written file leaves the database exactly as it was.
 */
import type { IndexableType, Table } from 'dexie';
import * as v from 'valibot';
import type { Rule } from '@/lib/rules/types';
import type { JsonValue, PaperRecord, SettingRecord, SiftDb, TagRecord, VisitRecord } from './db';
import { MAX_SEEN_IDS } from './db';
import {
  LIMITS,
  arxivIdSchema,
  colorSchema,
  keySchema,
  listingSchema,
  noteSchema,
  paperMetaSchema,
  parseWithSchema,
  ruleSchema,
  tagNameSchema,
  timestampSchema,
  toIssuePath,
} from './schema';
import { TABLE_NAMES, type TableName } from './tables';
import { defaultTagColor } from './tags';
import { appendSeenIds } from './visits';

export const BACKUP_FORMAT = 'arxiv-sift-backup';
export const BACKUP_VERSION = 1;
/** A backup file's size limit: about 25,000 papers with full abstracts; far more than anyone annotates. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export interface BackupTables {
  papers: PaperRecord[];
  tags: TagRecord[];
  rules: Rule[];
  visits: VisitRecord[];
  settings: SettingRecord[];
}

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  tables: BackupTables;
}

export type ImportMode = 'merge' | 'replace';

/** Per table: records that were new, changed, already identical, and (replace only) dropped. */
export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export type ImportReport = Record<TableName, ImportCounts>;

const paperRecordSchema = v.pipe(
  v.strictObject({
    id: arxivIdSchema,
    meta: paperMetaSchema,
    starredAt: v.optional(timestampSchema),
    hiddenAt: v.optional(timestampSchema),
    tags: v.pipe(
      v.array(tagNameSchema, 'expected an array of strings'),
      v.maxLength(LIMITS.tagsPerPaper),
      v.transform((tags) => [...new Set(tags)]),
    ),
    note: v.optional(noteSchema),
    seenAt: v.optional(timestampSchema),
    updatedAt: timestampSchema,
  }),
  v.forward(
    v.check((record) => record.meta.id === record.id, 'expected the same id as the record'),
    ['meta', 'id'],
  ),
);

const tagRecordSchema = v.strictObject({ name: tagNameSchema, color: colorSchema, createdAt: timestampSchema });

const visitRecordSchema = v.strictObject({
  listing: listingSchema,
  lastVisitAt: timestampSchema,
  seenIds: v.pipe(v.array(arxivIdSchema, 'expected an array of arXiv ids'), v.maxLength(MAX_SEEN_IDS)),
  sessionStartedAt: v.optional(timestampSchema),
  freshIds: v.optional(v.pipe(v.array(arxivIdSchema, 'expected an array of arXiv ids'), v.maxLength(MAX_SEEN_IDS))),
  previousVisitAt: v.optional(timestampSchema),
});

// The document came out of JSON.parse, so any value present is JSON; only absence is an error.
const jsonValueSchema = v.custom<JsonValue>((value) => value !== undefined);

const settingRecordSchema = v.strictObject({ key: keySchema, value: jsonValueSchema });

const backupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: timestampSchema,
  tables: v.strictObject({
    papers: v.array(paperRecordSchema),
    tags: v.array(tagRecordSchema),
    rules: v.array(ruleSchema),
    visits: v.array(visitRecordSchema),
    settings: v.array(settingRecordSchema),
  }),
});

/** Each table's primary key: its field name and its values in a file, to find duplicates. */
const KEYS: { [T in TableName]: { field: string; of: (tables: BackupTables) => readonly string[] } } = {
  papers: { field: 'id', of: (tables) => tables.papers.map((record) => record.id) },
  tags: { field: 'name', of: (tables) => tables.tags.map((record) => record.name) },
  rules: { field: 'id', of: (tables) => tables.rules.map((record) => record.id) },
  visits: { field: 'listing', of: (tables) => tables.visits.map((record) => record.listing) },
  settings: { field: 'key', of: (tables) => tables.settings.map((record) => record.key) },
};

/**
 * The whole store as one backup document, read in one transaction so it is a consistent snapshot.
 * Paper records are exported as stored (metadata snapshot included); turning them into citation
 * formats is lib/export's job.
 */
export async function exportBackup(db: SiftDb, now: number = Date.now()): Promise<BackupDocument> {
  return db.transaction('r', [db.papers, db.tags, db.rules, db.visits, db.settings], async () => {
    const [papers, tags, rules, visits, settings] = await Promise.all([
      db.papers.toArray(),
      db.tags.toArray(),
      db.rules.toArray(),
      db.visits.toArray(),
      db.settings.toArray(),
    ]);
    const tables = { papers, tags, rules, visits, settings };
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, tables };
  });
}

function utf8Length(text: string): number {
  // Every UTF-16 unit is 1–3 UTF-8 bytes; only count exactly when the bounds straddle the limit.
  if (text.length > MAX_BACKUP_BYTES) return text.length;
  if (text.length * 3 <= MAX_BACKUP_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

// Keys that would reach Object.prototype if any code ever merged this document into an object.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface PathNode {
  parent: PathNode | undefined;
  key: string | number;
}

function pathOf(node: PathNode | undefined): string {
  const keys: (string | number)[] = [];
  for (let at = node; at; at = at.parent) keys.unshift(at.key);
  return toIssuePath(keys.map((key) => ({ key })));
}

/** The path of the first forbidden key anywhere in `root`, walked without recursion. */
function findForbiddenKey(root: unknown): string | undefined {
  const stack: [unknown, PathNode | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], { parent: path, key: i }]);
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      for (const [key] of entries) if (FORBIDDEN_KEYS.has(key)) return pathOf({ parent: path, key });
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], { parent: path, key: entries[i]![0] }]);
    }
  }
  return undefined;
}

/**
 * Whether `text` stops inside an object, array or string: the mark of a file cut short (an
 * interrupted download or copy), worth telling apart from a file that was never JSON.
 */
function endsInsideValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return inString || depth > 0;
}

function describeJsonError(json: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `not valid JSON${endsInsideValue(json) ? ' (the file looks truncated)' : ''}: ${reason}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Format and version first: a clear answer for a file that is not a Sift backup, or a newer one. */
function checkHeader(doc: unknown): asserts doc is Record<string, unknown> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new Error(`backup: expected a JSON object, got ${describeValue(doc)}`);
  }
  const { format, version, tables } = doc as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) {
    throw new Error(`format: expected "${BACKUP_FORMAT}", got ${describeValue(format)} (not a Sift backup)`);
  }
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new Error(
      `version: the backup is version ${version}; this Sift reads version ${BACKUP_VERSION} (update Sift first)`,
    );
  }
  if (version !== BACKUP_VERSION) throw new Error(`version: expected ${BACKUP_VERSION}, got ${describeValue(version)}`);
  if (Array.isArray(tables)) throw new Error('tables: expected an object, got an array');
  if (typeof tables === 'object' && tables !== null) {
    const unknown = Object.keys(tables).find((name) => !(TABLE_NAMES as readonly string[]).includes(name));
    if (unknown !== undefined) throw new Error(`${toIssuePath([{ key: unknown }], 'tables')}: unknown table`);
  }
}

function checkUniqueKeys(tables: BackupTables): void {
  for (const name of TABLE_NAMES) {
    const { field, of } = KEYS[name];
    const firstAt = new Map<string, number>();
    of(tables).forEach((key, i) => {
      const first = firstAt.get(key);
      if (first !== undefined) {
        const where = `tables.${name}[${i}].${field}`;
        throw new Error(`${where}: duplicate of tables.${name}[${first}] (${JSON.stringify(key)})`);
      }
      firstAt.set(key, i);
    });
  }
}

/**
 * Parses and validates a backup file completely, or throws an Error naming the first problem and
 * where it is, e.g. `tables.papers[3].tags: expected an array of strings`. Rejects files over
 * 50 MB, invalid or truncated JSON, other formats and versions, unknown tables and fields, wrong
 * types, duplicate keys, and `__proto__` / `constructor` / `prototype` keys at any depth.
 */
export function parseBackup(json: string): BackupDocument {
  const bytes = utf8Length(json);
  if (bytes > MAX_BACKUP_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new Error(`backup: the file is ${mb(bytes)} MB, over the ${MAX_BACKUP_BYTES / 1024 / 1024} MB limit`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw new Error(`backup: ${describeJsonError(json, error)}`);
  }
  const forbidden = findForbiddenKey(doc);
  if (forbidden !== undefined) throw new Error(`${forbidden}: key not allowed`);
  checkHeader(doc);
  const parsed = parseWithSchema(backupSchema, doc);
  checkUniqueKeys(parsed.tables);
  return parsed;
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

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** The newer record by `updatedAt` (the store's on a tie), with both records' tags. */
function mergePaper(local: PaperRecord, incoming: PaperRecord): PaperRecord {
  const [newer, older] = incoming.updatedAt > local.updatedAt ? [incoming, local] : [local, incoming];
  const merged: PaperRecord = { ...newer, tags: [...new Set([...newer.tags, ...older.tags])] };
  const seenAt = earliest(newer.seenAt, older.seenAt);
  if (seenAt !== undefined) merged.seenAt = seenAt;
  return merged;
}

/**
 * Writes `incoming` into `table` and counts what happened. `merge` combines a record from the file
 * with the store's record of the same key; replace mode clears the table first and counts against
 * what it held.
 */
async function writeTable<I, T extends I, K extends IndexableType>(
  table: Table<T, K, I>,
  incoming: readonly T[],
  keyOf: (record: T) => K,
  mode: ImportMode,
  merge: (local: T, incoming: T) => T,
): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const keys = incoming.map(keyOf);
  let before: (T | undefined)[];
  if (mode === 'replace') {
    const all = await table.toArray();
    const byKey = new Map(all.map((record) => [keyOf(record), record]));
    const kept = new Set(keys);
    before = keys.map((key) => byKey.get(key));
    counts.removed = all.filter((record) => !kept.has(keyOf(record))).length;
    await table.clear();
  } else {
    before = await table.bulkGet(keys);
  }
  const writes: T[] = [];
  incoming.forEach((record, i) => {
    const local = before[i];
    const next = local !== undefined && mode === 'merge' ? merge(local, record) : record;
    const same = local !== undefined && isSameValue(local, next);
    if (local === undefined) counts.added++;
    else if (same) counts.unchanged++;
    else counts.updated++;
    if (mode === 'replace' || !same) writes.push(next);
  });
  await table.bulkPut(writes);
  return counts;
}

/** The newer rule by `updatedAt`, the store's on a tie. */
const newerRule = (local: Rule, incoming: Rule): Rule => (incoming.updatedAt > local.updatedAt ? incoming : local);

/** Everything either side has seen, and the later visit with its session. */
const mergeVisit = (local: VisitRecord, incoming: VisitRecord): VisitRecord => {
  const later = incoming.lastVisitAt > local.lastVisitAt ? incoming : local;
  return { ...later, seenIds: appendSeenIds(local.seenIds, incoming.seenIds) };
};

// Tags and settings carry no timestamp, so in merge mode the store's copy wins.
const keepLocal = <T>(local: T): T => local;

/**
 * Validates `json` as a backup (see {@link parseBackup}) and applies it in one transaction.
 * `merge` keeps, per paper, the record with the newer `updatedAt` and unions both tag lists, keeps
 * the newer rule, unions visits, and keeps the store's tags and settings; `replace` clears every
 * table first. Tags a paper carries but the tag table lacks are created with their default colour.
 * On any error the store is left exactly as it was.
 */
export async function importBackup(
  db: SiftDb,
  json: string,
  { mode, now = Date.now() }: { mode: ImportMode; now?: number },
): Promise<ImportReport> {
  const { tables } = parseBackup(json);
  return db.transaction('rw', [db.papers, db.tags, db.rules, db.visits, db.settings], async () => {
    const report: ImportReport = {
      papers: await writeTable(db.papers, tables.papers, (r) => r.id, mode, mergePaper),
      tags: await writeTable(db.tags, tables.tags, (r) => r.name, mode, keepLocal),
      rules: await writeTable(db.rules, tables.rules, (r) => r.id, mode, newerRule),
      visits: await writeTable(db.visits, tables.visits, (r) => r.listing, mode, mergeVisit),
      settings: await writeTable(db.settings, tables.settings, (r) => r.key, mode, keepLocal),
    };
    // Merged papers may carry tags from either side; every tag a paper carries must exist.
    const referenced = [...new Set((await db.papers.orderBy('tags').uniqueKeys()).map(String))];
    const known = await db.tags.bulkGet(referenced);
    const created = referenced
      .filter((_, i) => !known[i])
      .map((name): TagRecord => ({ name, color: defaultTagColor(name), createdAt: now }));
    await db.tags.bulkAdd(created);
    report.tags.added += created.length;
    return report;
  });
}

/** The tables an import changed, for the broadcast (its paper ids are too many to list). */
export function changedTables(report: ImportReport): TableName[] {
  return TABLE_NAMES.filter((name) => {
    const counts = report[name];
    return counts.added + counts.updated + counts.removed > 0;
  });
}
