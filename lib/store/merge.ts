/**
 * THE merge: field by field, each field's value taken from whichever side wrote it last, by the
 * HLC stamps in lib/sync/hlc.ts. Backup merge-restore and sync both merge through here, so a
 * restore and a sync agree on what "newer" means and neither can lose the other's work.
 *
 * Every replicated field carries the stamp of its last write. A field with a stamp and no value
 * is a tombstone: "unstarred at t", "tag `ml` removed at t", "note cleared at t", and a record
 * whose fields are all tombstones is a deleted record. Tombstones are what stop an older copy (a
 * backup, a device that was offline) from bringing a removed value back.
 *
 * Tombstones are kept for good, in every local store and in the sync area, leaving the sync area
 * only when it is full (they rank by stamp like everything else, so the oldest go first). Why not
 * "until every device has seen them": storage.sync has no versions and no read receipts and
 * replicates item by item, so no acknowledgement can prove a device read the item holding a given
 * tombstone, and devices leave without saying so. Why not a bounded age: an age needs a clock,
 * and one device with a wrong clock then expires fresh deletions everywhere (the convergence
 * property test found exactly that: a device a year fast made a deletion expire at once and the
 * deleted setting came back). A tombstone costs a few bits in the sync area and a small record
 * locally, so keeping it is cheap, and a device that returns after any time still gets the
 * deletion.
 *
 * Ties (same stamp, different values: two devices writing in the same minute without seeing each
 * other) go to the present value, then to the larger value, so every device picks the same one
 * and the merge is commutative, associative and idempotent: a state-based CRDT (a map of
 * last-writer-wins registers, with tags as an LWW-element set). What replicates of star, hide and
 * seen is whether they are set and when (the stamp); the exact `starredAt` a device shows stays
 * its own.
 */
import * as v from 'valibot';
import type { ArxivId } from '@/lib/arxiv/types';
import type { Rule } from '@/lib/rules/types';
import { MAX_STAMP, nextStamp, stampOfMs, type Stamp } from '@/lib/sync/hlc';

/** The stamps of a paper's replicated fields; a stamp whose field has no value is a tombstone. */
export interface PaperStamps {
  star?: Stamp;
  hide?: Stamp;
  seen?: Stamp;
  note?: Stamp;
  /** Tag name → stamp of its last add (the paper carries the tag) or removal (it does not). */
  tags?: Record<string, Stamp>;
}

/**
 * What the merge reads and writes of a paper record: the store's `PaperRecord` satisfies it.
 * Records written before stamps existed count each present field as written at `updatedAt` and
 * carry no tombstones, so an old backup merges the way it did before (tags unioned, notes kept).
 */
export interface MergeablePaper {
  id: ArxivId;
  starredAt?: number;
  hiddenAt?: number;
  seenAt?: number;
  note?: string;
  tags: string[];
  stamps?: PaperStamps;
  updatedAt?: number;
}

/** A tag's definition; no `color` means the tag was deleted at `stamp`. */
export interface TagEntry {
  name: string;
  color?: string;
  createdAt?: number;
  stamp: Stamp;
}

/** A rule saved whole; no `rule` means it was deleted at `stamp`. */
export interface RuleEntry {
  id: string;
  rule?: Rule;
  stamp: Stamp;
}

/**
 * A listing's seen mark of one paper (the `seen` table); no `at` means it was unmarked at `stamp`
 * (the undo of "Mark all seen"). A mark written before stamps existed counts as written at `at`.
 */
export interface SeenEntry {
  id: ArxivId;
  at?: number;
  stamp: Stamp;
}

/** Any value JSON can carry: what a setting holds. */
export type ReplicatedValue = null | boolean | number | string | ReplicatedValue[] | { [key: string]: ReplicatedValue };

/** A setting; no `value` means it was removed at `stamp`. */
export interface SettingEntry {
  key: string;
  value?: ReplicatedValue;
  stamp: Stamp;
}

/** Everything that replicates between devices, keyed like the store's tables. */
export interface ReplicatedState {
  papers: Map<ArxivId, MergeablePaper>;
  tags: Map<string, TagEntry>;
  rules: Map<string, RuleEntry>;
  settings: Map<string, SettingEntry>;
  seen: Map<ArxivId, SeenEntry>;
}

/** The keys of `local` entries a merge changed, by table: what a replica must write. */
export interface MergeChanges {
  papers: MergeablePaper[];
  tags: TagEntry[];
  rules: RuleEntry[];
  settings: SettingEntry[];
  seen: SeenEntry[];
}

export const stampSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_STAMP));

/** Stamps as stored in a record or a backup (tag names are checked by the record's own schema). */
export const paperStampsSchema = v.strictObject({
  star: v.optional(stampSchema),
  hide: v.optional(stampSchema),
  seen: v.optional(stampSchema),
  note: v.optional(stampSchema),
  tags: v.optional(v.record(v.string(), stampSchema)),
});

export function emptyState(): ReplicatedState {
  return { papers: new Map(), tags: new Map(), rules: new Map(), settings: new Map(), seen: new Map() };
}

const FLAGS = [
  ['star', 'starredAt'],
  ['hide', 'hiddenAt'],
  ['seen', 'seenAt'],
] as const;

type Flag = (typeof FLAGS)[number][0];

function legacyStamp(record: MergeablePaper): Stamp {
  return record.updatedAt === undefined ? 1 : Math.max(1, stampOfMs(record.updatedAt));
}

function fieldStamp(record: MergeablePaper, field: Flag | 'note', present: boolean): Stamp {
  return record.stamps?.[field] ?? (present ? legacyStamp(record) : 0);
}

/** The stamp of tag `name` on `record`: stored, or `updatedAt` for an unstamped tag it carries. */
function tagStamp(record: MergeablePaper, name: string, carried: boolean): Stamp {
  const stored = record.stamps?.tags;
  // Tag names are user text: `hasOwn`, so a tag called `constructor` reads no inherited value.
  if (stored !== undefined && Object.hasOwn(stored, name)) return stored[name]!;
  return carried ? legacyStamp(record) : 0;
}

/** Whether side `b` wins over `a`: later stamp, then present over absent, then `b` larger. */
function wins(aStamp: Stamp, aPresent: boolean, bStamp: Stamp, bPresent: boolean, bLarger: () => boolean): boolean {
  if (bStamp !== aStamp) return bStamp > aStamp;
  if (aPresent !== bPresent) return bPresent;
  return bPresent && bLarger();
}

/**
 * `local` and `incoming` merged field by field: each replicated field (star, hide, seen, note,
 * every tag) comes with its stamp from the side that wrote it last, tombstones included. Fields
 * the merge does not replicate (`meta`, …) come from the record with the later `updatedAt` (the
 * local one on a tie), and `updatedAt` is the later of the two.
 *
 * @example
 * // laptop: unstarred at 20; desktop: tagged `ml` at 30, still starred from 10
 * mergePaper(laptop, desktop) // not starred (tombstone 20 > 10), tagged `ml`
 */
export function mergePaper<R extends MergeablePaper>(local: R, incoming: R): R {
  const base = (incoming.updatedAt ?? 0) > (local.updatedAt ?? 0) ? incoming : local;
  const out: R = { ...base };
  const stamps: PaperStamps = {};
  for (const [field, key] of FLAGS) {
    const a = local[key];
    const b = incoming[key];
    const aStamp = fieldStamp(local, field, a !== undefined);
    const bStamp = fieldStamp(incoming, field, b !== undefined);
    // Times are not replicated (the sync area carries stamps to the minute), so on a tie of two
    // present values the local time stays.
    const takeB = wins(aStamp, a !== undefined, bStamp, b !== undefined, () => false);
    const value = takeB ? b : a;
    const stamp = takeB ? bStamp : aStamp;
    if (value === undefined) delete out[key];
    else out[key] = value;
    if (stamp > 0) stamps[field] = stamp;
  }
  const aNoteStamp = fieldStamp(local, 'note', local.note !== undefined);
  const bNoteStamp = fieldStamp(incoming, 'note', incoming.note !== undefined);
  const takeNote = wins(aNoteStamp, local.note !== undefined, bNoteStamp, incoming.note !== undefined, () => incoming.note! > local.note!);
  const note = takeNote ? incoming.note : local.note;
  if (note === undefined) delete out.note;
  else out.note = note;
  const noteStamp = takeNote ? bNoteStamp : aNoteStamp;
  if (noteStamp > 0) stamps.note = noteStamp;
  const mergedTags = mergeTagSets(local, incoming);
  out.tags = mergedTags.tags;
  if (mergedTags.stamps.length > 0) stamps.tags = Object.fromEntries(mergedTags.stamps);
  out.stamps = stamps;
  if (local.updatedAt !== undefined || incoming.updatedAt !== undefined) {
    out.updatedAt = Math.max(local.updatedAt ?? 0, incoming.updatedAt ?? 0);
  }
  return out;
}

/** The LWW-element set of tags: local order first, then tags only `incoming` carries. */
function mergeTagSets(local: MergeablePaper, incoming: MergeablePaper): { tags: string[]; stamps: [string, Stamp][] } {
  const names: string[] = [];
  for (const list of [local.tags, Object.keys(local.stamps?.tags ?? {}), incoming.tags, Object.keys(incoming.stamps?.tags ?? {})]) {
    for (const name of list) if (!names.includes(name)) names.push(name);
  }
  const tags: string[] = [];
  const stamps: [string, Stamp][] = [];
  for (const name of names) {
    const aHas = local.tags.includes(name);
    const bHas = incoming.tags.includes(name);
    const aStamp = tagStamp(local, name, aHas);
    const bStamp = tagStamp(incoming, name, bHas);
    const takeB = wins(aStamp, aHas, bStamp, bHas, () => false);
    if (takeB ? bHas : aHas) tags.push(name);
    stamps.push([name, takeB ? bStamp : aStamp]);
  }
  return { tags, stamps };
}

/** Whether every present field of `paper` carries its stamp already. */
function isStamped(paper: MergeablePaper): boolean {
  const stamps = paper.stamps;
  if (stamps === undefined) return false;
  if (paper.starredAt !== undefined && stamps.star === undefined) return false;
  if (paper.hiddenAt !== undefined && stamps.hide === undefined) return false;
  if (paper.seenAt !== undefined && stamps.seen === undefined) return false;
  if (paper.note !== undefined && stamps.note === undefined) return false;
  const tagStamps = stamps.tags;
  return paper.tags.every((name) => tagStamps !== undefined && Object.hasOwn(tagStamps, name));
}

/**
 * `paper` with every present field stamped: a record written before stamps existed gets its
 * fields stamped at `updatedAt`, the way {@link mergePaper} reads it.
 */
export function stamped<R extends MergeablePaper>(paper: R): R {
  return isStamped(paper) ? paper : mergePaper(paper, paper);
}

/**
 * `record` with the star, hide or seen mark set (`on`, at `nowMs`) or cleared, stamped past its
 * previous write so every device takes it; the record itself when it is already so (a second
 * star is no new write). Clearing leaves the stamp: the tombstone. Example:
 * `setFlag(record, 'star', false, Date.now())` on unstar.
 */
export function setFlag<R extends MergeablePaper>(record: R, field: Flag, on: boolean, nowMs: number): R {
  const key = FLAGS.find(([name]) => name === field)![1];
  if ((record[key] !== undefined) === on) return record;
  const out = stamped(record);
  const next: R = { ...out, stamps: { ...out.stamps, [field]: nextStamp(out.stamps?.[field], nowMs) } };
  if (on) next[key] = nowMs;
  else delete next[key];
  return next;
}

/** `record` with tag `name` added or removed at `nowMs` (a removal keeps the tag's stamp: its tombstone). */
export function setTag<R extends MergeablePaper>(record: R, name: string, on: boolean, nowMs: number): R {
  if (record.tags.includes(name) === on) return record;
  const out = stamped(record);
  const tags = out.stamps?.tags ?? {};
  const previous = Object.hasOwn(tags, name) ? tags[name] : undefined;
  const stamps = { ...out.stamps, tags: Object.fromEntries([...Object.entries(tags), [name, nextStamp(previous, nowMs)]]) };
  return { ...out, stamps, tags: on ? [...out.tags, name] : out.tags.filter((tag) => tag !== name) };
}

/** `record` with its note set, or cleared when `note` is undefined, at `nowMs`. */
export function setNote<R extends MergeablePaper>(record: R, note: string | undefined, nowMs: number): R {
  if (record.note === note) return record;
  const out = stamped(record);
  const next: R = { ...out, stamps: { ...out.stamps, note: nextStamp(out.stamps?.note, nowMs) } };
  if (note === undefined) delete next.note;
  else next.note = note;
  return next;
}

/**
 * The next version of a tag, rule or setting entry written at `nowMs`: `fields` (the new value,
 * or none for a deletion) stamped past `previous`. Example: `nextEntry(old, { name, color }, now)`
 * on recolour, `nextEntry(old, { name }, now)` on delete.
 */
export function nextEntry<E extends { stamp: Stamp }>(previous: E | undefined, fields: Omit<E, 'stamp'>, nowMs: number): E {
  return { ...fields, stamp: nextStamp(previous?.stamp, nowMs) } as E;
}

/** A canonical JSON text of `value` (object keys sorted), so equal values compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The later of two entries of one key; `payload` is the entry's value, undefined once deleted. */
function mergeEntry<E extends { stamp: Stamp }>(a: E, b: E, payload: (entry: E) => unknown): E {
  const aValue = payload(a);
  const bValue = payload(b);
  return wins(a.stamp, aValue !== undefined, b.stamp, bValue !== undefined, () => canonicalJson(bValue) > canonicalJson(aValue))
    ? b
    : a;
}

const tagPayload = (entry: TagEntry) => (entry.color === undefined ? undefined : [entry.color, entry.createdAt ?? 0]);

/** The later of two definitions of one tag (a deletion is a definition without colour). */
export function mergeTagEntry(a: TagEntry, b: TagEntry): TagEntry {
  return mergeEntry(a, b, tagPayload);
}

/**
 * What of a rule replicates: all but its `verdict`, the pattern check this device ran when the
 * rule was saved. A device checks rules it receives itself (as it does imported ones) rather than
 * trusting another's verdict, and equal rules with different verdicts are the same rule.
 */
export function replicatedRule(rule: Rule): Rule {
  const { verdict: _verdict, ...rest } = rule;
  return rest;
}

/** The later of two versions of one rule. */
export function mergeRuleEntry(a: RuleEntry, b: RuleEntry): RuleEntry {
  return mergeEntry(a, b, (entry) => entry.rule && replicatedRule(entry.rule));
}

/** The later of two values of one setting. */
export function mergeSettingEntry(a: SettingEntry, b: SettingEntry): SettingEntry {
  return mergeEntry(a, b, (entry) => entry.value);
}

/**
 * The later of two versions of one seen mark: a later unmark wins over an earlier mark and a
 * later mark over an earlier unmark. Two marks keep the first time either side saw the paper
 * (what "since ‹day›" reads): the time is not replicated, only that the paper was seen and the
 * stamp, so this cannot make two devices differ in anything they compare.
 */
export function mergeSeenEntry(a: SeenEntry, b: SeenEntry): SeenEntry {
  const winner = mergeEntry(a, b, (entry) => (entry.at === undefined ? undefined : true));
  const loser = winner === a ? b : a;
  if (winner.at === undefined || loser.at === undefined || winner.at <= loser.at) return winner;
  return { ...winner, at: loser.at };
}

/** Whether two seen marks hold the same stamp and time. */
export function isSameSeen(a: SeenEntry, b: SeenEntry): boolean {
  return a.stamp === b.stamp && a.at === b.at;
}

/** Whether two papers hold the same replicated fields and stamps (tag order aside). */
export function isSamePaper(a: MergeablePaper, b: MergeablePaper): boolean {
  if (a.starredAt !== b.starredAt || a.hiddenAt !== b.hiddenAt || a.seenAt !== b.seenAt || a.note !== b.note) return false;
  if (a.tags.length !== b.tags.length) return false;
  const bTags = new Set(b.tags);
  if (!a.tags.every((tag) => bTags.has(tag))) return false;
  const as = a.stamps ?? {};
  const bs = b.stamps ?? {};
  if (as.star !== bs.star || as.hide !== bs.hide || as.seen !== bs.seen || as.note !== bs.note) return false;
  const at = as.tags ?? {};
  const bt = bs.tags ?? {};
  const names = Object.keys(at);
  if (names.length !== Object.keys(bt).length) return false;
  return names.every((name) => Object.hasOwn(bt, name) && bt[name] === at[name]);
}

function mergeMap<K, E>(
  local: Map<K, E>,
  incoming: Map<K, E>,
  merge: (a: E, b: E) => E,
  same: (a: E, b: E) => boolean,
): E[] {
  const changed: E[] = [];
  for (const [key, theirs] of incoming) {
    const ours = local.get(key);
    const next = ours === undefined ? theirs : merge(ours, theirs);
    if (ours === undefined || !same(ours, next)) {
      local.set(key, next);
      changed.push(next);
    }
  }
  return changed;
}

const sameEntry = <E>(a: E, b: E) => a === b;

/**
 * Merges `incoming` into `local` in place and returns the entries of `local` that changed, which
 * are what a replica must write. Merging the same state twice changes nothing the second time.
 */
export function mergeState(local: ReplicatedState, incoming: ReplicatedState): MergeChanges {
  return {
    papers: mergeMap(local.papers, incoming.papers, mergePaper, isSamePaper),
    tags: mergeMap(local.tags, incoming.tags, mergeTagEntry, sameEntry),
    rules: mergeMap(local.rules, incoming.rules, mergeRuleEntry, sameEntry),
    settings: mergeMap(local.settings, incoming.settings, mergeSettingEntry, sameEntry),
    seen: mergeMap(local.seen, incoming.seen, mergeSeenEntry, isSameSeen),
  };
}
