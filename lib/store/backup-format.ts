/**
 * The backup file's format: one versioned JSON document holding every table, and its validation.
 * A restore validates the whole document with {@link parseBackup} before it touches the store
 * (backup.ts), so a bad or half-written file leaves the database exactly as it was.
 *
 * Versions: 1 kept per-listing visits (read as seen marks) and an empty settings table; 2 has the
 * four tables, papers with their per-field stamps; 3 adds `stamps`, the write stamps of tags, rules
 * and seen marks and the tombstones of deleted ones (the store's syncStamps table), so a
 * merge-restore orders them as sync does (lib/store/merge.ts). Older files read as version 3 with
 * no stamps: their records merge as if written at their `createdAt`, `updatedAt` or `at`.
 */
import * as v from 'valibot';
import { i18n } from '#i18n';
import { LIMITS, arxivIdSchema, keySchema, tagNameSchema, timestampSchema } from '@/lib/schemas/fields';
import { findTooDeep, parseWithSchema, toIssuePath } from '@/lib/schemas/parse';
import { paperRecordSchema, seenRecordSchema, tagRecordSchema, visitRecordSchema, type SeenRecord, type VisitRecord } from '@/lib/schemas/records';
import { ruleSchema } from '@/lib/schemas/rule';
import { stampSchema } from './merge';
import { TABLE_NAMES, type TableName } from './tables';

export const BACKUP_FORMAT = 'arxiv-sift-backup';
export const BACKUP_VERSION = 3;
/** The oldest version this Sift still reads. */
const OLDEST_READABLE_VERSION = 1;
/** A backup file's size limit: about 25,000 papers with full abstracts; far more than anyone annotates. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export type BackupTables = v.InferOutput<typeof tablesSchema>;

/**
 * The stamps of the last write of each tag (by name), rule (by id) and seen mark (by paper id),
 * as `[key, stamp]` pairs: a pair whose tag, rule or mark the file lacks is its tombstone. Pairs,
 * not objects keyed by name, because a tag may be called `constructor`.
 */
export type BackupStamps = v.InferOutput<typeof stampsSchema>;

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  tables: BackupTables;
  stamps: BackupStamps;
}

/** No stamps: what a file of version 1 or 2 carries. */
export const noStamps = (): BackupStamps => ({ tags: [], rules: [], seen: [] });

export type ImportMode = 'merge' | 'replace';

/** Per table: records that were new, changed, already identical, and (replace only) dropped. */
export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export type ImportReport = Record<TableName, ImportCounts>;

// Version 1 files also carry a `settings` table, which never held a record (settings moved to
// browser.storage): it is read, checked to be a list of key/value records, and left out. Their
// per-listing `visits` become seen marks (see `seenOfVisits`).
const legacySettingsSchema = v.array(v.strictObject({ key: keySchema, value: v.custom<unknown>((value) => value !== undefined) }));

const tablesSchema = v.strictObject({
  papers: v.array(paperRecordSchema),
  tags: v.array(tagRecordSchema),
  rules: v.array(ruleSchema),
  seen: v.array(seenRecordSchema),
});

const stampsSchema = v.strictObject({
  tags: v.array(v.strictTuple([tagNameSchema, stampSchema])),
  rules: v.array(v.strictTuple([keySchema, stampSchema])),
  seen: v.array(v.strictTuple([arxivIdSchema, stampSchema])),
});

const backupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: timestampSchema,
  tables: tablesSchema,
  stamps: stampsSchema,
});

const version2Schema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(2),
  exportedAt: timestampSchema,
  tables: tablesSchema,
});

const legacyBackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exportedAt: timestampSchema,
  tables: v.strictObject({
    papers: tablesSchema.entries.papers,
    tags: tablesSchema.entries.tags,
    rules: tablesSchema.entries.rules,
    visits: v.array(visitRecordSchema),
    settings: legacySettingsSchema,
  }),
});

/** Each table's primary key: its field name and its values in a file, to find duplicates. */
const KEYS: { [T in TableName]: { field: string; of: (tables: BackupTables) => readonly string[] } } = {
  papers: { field: 'id', of: (tables) => tables.papers.map((record) => record.id) },
  tags: { field: 'name', of: (tables) => tables.tags.map((record) => record.name) },
  rules: { field: 'id', of: (tables) => tables.rules.map((record) => record.id) },
  seen: { field: 'id', of: (tables) => tables.seen.map((record) => record.id) },
};

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

/** Why `json` is not JSON, as the reason a backup is refused, saying so when the file looks cut short. */
export function describeJsonError(json: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return endsInsideValue(json) ? i18n.t('store.backup.notJsonTruncated', [reason]) : i18n.t('store.backup.notJson', [reason]);
}

/** The messages for a value of the wrong kind: an array or object is named in words, anything else shown. */
interface GotMessages {
  array: () => string;
  object: () => string;
  other: (shown: string) => string;
}

function describeGot(value: unknown, messages: GotMessages): string {
  if (Array.isArray(value)) return messages.array();
  if (typeof value === 'object' && value !== null) return messages.object();
  return messages.other(shownValue(value));
}

/** A value that is neither array nor object as a message shows it: strings quoted and cut at 40 characters. */
function shownValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) : String(value);
}

/** Format and version first: a clear answer for a file that is not a Sift backup, or a newer one. */
function checkHeader(doc: unknown): asserts doc is Record<string, unknown> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new Error(Array.isArray(doc) ? i18n.t('store.backup.notObjectArray') : i18n.t('store.backup.notObject', [shownValue(doc)]));
  }
  const { format, version, tables } = doc as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) {
    const got = describeGot(format, {
      array: () => i18n.t('store.backup.notSiftArray', [BACKUP_FORMAT]),
      object: () => i18n.t('store.backup.notSiftObject', [BACKUP_FORMAT]),
      other: (shown) => i18n.t('store.backup.notSift', [BACKUP_FORMAT, shown]),
    });
    throw new Error(`format: ${got}`);
  }
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new Error(`version: ${i18n.t('store.backup.newerVersion', [String(version), String(BACKUP_VERSION)])}`);
  }
  if (typeof version !== 'number' || version < OLDEST_READABLE_VERSION || !Number.isInteger(version)) {
    const range: [string, string] = [String(OLDEST_READABLE_VERSION), String(BACKUP_VERSION)];
    const got = describeGot(version, {
      array: () => i18n.t('store.backup.badVersionArray', range),
      object: () => i18n.t('store.backup.badVersionObject', range),
      other: (shown) => i18n.t('store.backup.badVersion', [...range, shown]),
    });
    throw new Error(`version: ${got}`);
  }
  if (Array.isArray(tables)) throw new Error(`tables: ${i18n.t('schemas.objectGotArray')}`);
  if (typeof tables === 'object' && tables !== null) {
    const names: readonly string[] = version === 1 ? ['papers', 'tags', 'rules', 'visits', 'settings'] : TABLE_NAMES;
    const unknown = Object.keys(tables).find((name) => !names.includes(name));
    if (unknown !== undefined) throw new Error(`${toIssuePath([{ key: unknown }], 'tables')}: ${i18n.t('store.backup.unknownTable')}`);
  }
}

/** The refusal of a second record with `key`, at `where`, naming where the first one is. */
function duplicateError(where: string, first: string, key: string): Error {
  return new Error(`${where}: ${i18n.t('store.backup.duplicate', [first, JSON.stringify(key)])}`);
}

function checkUniqueKeys(tables: BackupTables): void {
  for (const name of TABLE_NAMES) {
    const { field, of } = KEYS[name];
    const firstAt = new Map<string, number>();
    of(tables).forEach((key, i) => {
      const first = firstAt.get(key);
      if (first !== undefined) {
        throw duplicateError(`tables.${name}[${i}].${field}`, `tables.${name}[${first}]`, key);
      }
      firstAt.set(key, i);
    });
  }
}

/**
 * Parses and validates a backup file completely, or throws an Error naming the first problem and
 * where it is, e.g. `tables.papers[3].tags: expected an array of strings`. Rejects files over
 * 50 MB, invalid or truncated JSON, other formats and newer versions, unknown tables and fields, wrong
 * types, duplicate keys, and `__proto__` / `constructor` / `prototype` keys at any depth.
 */
export function parseBackup(json: string): BackupDocument {
  const bytes = utf8Length(json);
  if (bytes > MAX_BACKUP_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new Error(i18n.t('store.backup.tooLarge', [mb(bytes), String(MAX_BACKUP_BYTES / 1024 / 1024)]));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (error) {
    throw new Error(describeJsonError(json, error));
  }
  return validateBackup(doc);
}

/**
 * Validates an already parsed backup document completely (everything {@link parseBackup} checks
 * after JSON), or throws an Error naming the first problem. For files read on an extension page,
 * which are not bound by a message's size (see backup-stream.ts).
 */
export function validateBackup(doc: unknown): BackupDocument {
  const tooDeep = findTooDeep(doc, LIMITS.depth);
  if (tooDeep !== undefined) throw new Error(`${tooDeep}: ${i18n.t('schemas.tooDeep', [String(LIMITS.depth)])}`);
  const forbidden = findForbiddenKey(doc);
  if (forbidden !== undefined) throw new Error(`${forbidden}: ${i18n.t('store.backup.keyNotAllowed')}`);
  checkHeader(doc);
  if (doc.version === 1) {
    const { tables, exportedAt } = parseWithSchema(legacyBackupSchema, doc);
    const { settings: _settings, visits, ...kept } = tables;
    checkUniqueVisits(visits);
    const current = { ...kept, seen: seenOfVisits(visits) };
    checkUniqueKeys(current);
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, tables: current, stamps: noStamps() };
  }
  if (doc.version === 2) {
    const { exportedAt, tables } = parseWithSchema(version2Schema, doc);
    checkUniqueKeys(tables);
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, tables, stamps: noStamps() };
  }
  const parsed = parseWithSchema(backupSchema, doc);
  checkUniqueKeys(parsed.tables);
  checkUniqueStamps(parsed.stamps);
  return parsed;
}

/** One stamp per tag, rule and seen mark: two would leave which one counts to chance. */
function checkUniqueStamps(stamps: BackupStamps): void {
  for (const family of ['tags', 'rules', 'seen'] as const) {
    const firstAt = new Map<string, number>();
    stamps[family].forEach(([key], i) => {
      const first = firstAt.get(key);
      if (first !== undefined) throw duplicateError(`stamps.${family}[${i}][0]`, `stamps.${family}[${first}]`, key);
      firstAt.set(key, i);
    });
  }
}

/** Version 1 keyed visits by listing; a duplicate is as wrong there as any duplicate key. */
function checkUniqueVisits(visits: readonly VisitRecord[]): void {
  const firstAt = new Map<string, number>();
  visits.forEach((visit, i) => {
    const first = firstAt.get(visit.listing);
    if (first !== undefined) throw duplicateError(`tables.visits[${i}].listing`, `tables.visits[${first}]`, visit.listing);
    firstAt.set(visit.listing, i);
  });
}

/**
 * The seen marks a version 1 file's per-listing visits amount to: every id a visit remembered,
 * seen at that listing's last visit (the earliest when it was on several).
 */
function seenOfVisits(visits: readonly VisitRecord[]): SeenRecord[] {
  const firstSeen = new Map<SeenRecord['id'], number>();
  for (const visit of visits) for (const id of visit.seenIds) firstSeen.set(id, Math.min(firstSeen.get(id) ?? Infinity, visit.lastVisitAt));
  return [...firstSeen].map(([id, at]) => ({ id, at }));
}

/** The tables an import changed, for the broadcast (its paper ids are too many to list). */
export function changedTables(report: ImportReport): TableName[] {
  return TABLE_NAMES.filter((name) => {
    const counts = report[name];
    return counts.added + counts.updated + counts.removed > 0;
  });
}
