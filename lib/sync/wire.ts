/**
 * The sync area's format: the replicated state as storage.sync items, and back.
 *
 * Item families, by key prefix:
 * - `p<first id>`: stars, hides and tags of a run of papers, as a bit stream (lib/sync/bits.ts):
 *   new-style ids as numbers (YYMM × 100000 + number), sorted and delta-coded; old-style ids as
 *   text beside the stream; tags by index into the item's own tag table; stamps delta-coded.
 * - `n<first id>`: notes (their text as JSON strings, ids and stamps in a bit stream).
 * - `s<first id>`: read marks (the reading list's `seenAt`).
 * - `l<first id>`: the listings' seen marks (the `seen` table), the same bit stream as read marks.
 * - `t<n>`, `r<n>`, `g<n>`: tag names and colours, rules, settings, as JSON rows.
 *
 * Papers are cut into items at content-defined boundaries (after an id whose hash is 0 modulo a
 * run length), so a star changes one item, not every item after it, and the write rate stays
 * within Chrome's 120 a minute. Every item names its own tags and ids, so items written by
 * different devices at different times can be read together: the reader merges every item it
 * finds, and an item it cannot read is reported and skipped.
 */
import * as v from 'valibot';
import { isArxivId } from '@/lib/arxiv/ids';
import type { ArxivId } from '@/lib/arxiv/types';
import {
  canonicalJson,
  emptyState,
  mergePaper,
  mergeRuleEntry,
  mergeSeenEntry,
  mergeSettingEntry,
  mergeTagEntry,
  replicatedRule,
  stampSchema,
  stamped,
  type MergeablePaper,
  type ReplicatedState,
  type ReplicatedValue,
  type RuleEntry,
  type SeenEntry,
  type SettingEntry,
  type TagEntry,
} from '@/lib/store/merge';
import { LIMITS, colorSchema, keySchema, noteSchema, tagNameSchema, timestampSchema } from '@/lib/schemas/fields';
import { findTooDeep } from '@/lib/schemas/parse';
import { ruleSchema } from '@/lib/schemas/rule';
import { SYNC_QUOTA, itemBytes } from './area';
import { BitReader, BitWriter, bestOrder, zigzag } from './bits';
import { MAX_STAMP, msOfStamp, type Stamp } from './hlc';

/** The format of every item; an item of another format is reported and skipped. */
export const WIRE_FORMAT = 1;

export type Items = Record<string, unknown>;

// ---------------------------------------------------------------- ids

const NEW_ID = /^(\d{4})\.(\d{4,5})$/;

/** A new-style id as one number (`2602.22290` → 260222290), or undefined for an old-style id. */
export function idNumber(id: ArxivId): number | undefined {
  const match = NEW_ID.exec(id);
  return match ? Number(match[1]) * 100_000 + Number(match[2]) : undefined;
}

/** The id {@link idNumber} numbered, or undefined if no valid id has that number. */
export function idOfNumber(value: number): ArxivId | undefined {
  const yymm = Math.floor(value / 100_000);
  const number = value % 100_000;
  const month = yymm % 100;
  // The new scheme's rules (lib/arxiv/ids.ts), checked on the number: from 0704, months 1–12,
  // four-digit numbers until 1412 and five-digit ones from 1501.
  if (!Number.isSafeInteger(value) || yymm < 704 || yymm > 9912 || month < 1 || month > 12) return undefined;
  const digits = yymm < 1501 ? 4 : 5;
  if (digits === 4 && number > 9999) return undefined;
  return `${String(yymm).padStart(4, '0')}.${String(number).padStart(digits, '0')}` as ArxivId;
}

function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

interface Keyed {
  id: ArxivId;
  num: number | undefined;
}

/** New-style ids in numeric order, then old-style ids in text order: the order of every paper item. */
function byWireOrder(a: Keyed, b: Keyed): number {
  if (a.num !== undefined && b.num !== undefined) return a.num - b.num;
  if (a.num !== undefined) return -1;
  if (b.num !== undefined) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---------------------------------------------------------------- paper families

/** A stamped field on the wire: set or a tombstone, and when. */
interface Slot {
  on: boolean;
  stamp: Stamp;
}

interface CoreEntry extends Keyed {
  star?: Slot;
  hide?: Slot;
  tags: { name: string; slot: Slot }[];
}

interface NoteEntry extends Keyed {
  slot: Slot;
  text?: string;
}

/** A read mark or a listing's seen mark: only set or cleared, and when. */
interface MarkEntry extends Keyed {
  slot: Slot;
}

type Family = 'p' | 'n' | 's' | 'l';

/** How a family writes and reads one entry after its id; `extra` is the item's string table. */
interface FamilyCodec<E extends Keyed> {
  prefix: Family;
  /** Papers per item on average: where content-defined boundaries fall. */
  run: number;
  /** Appends the entry's stamps, in the order `write` writes them, to `out`. */
  stamps(entry: E, out: number[]): void;
  extra(entries: readonly E[]): string[];
  write(w: BitWriter, entry: E, ctx: WriteContext): void;
  read(r: BitReader, base: Keyed, ctx: ReadContext): E;
  /** Validates the item's string table (tag names, note texts) before any entry is read. */
  checkExtra(extra: readonly string[]): void;
  /** Rough bytes of an entry, to cut items before they grow past the per-item quota. */
  size(entry: E): number;
}

interface WriteContext {
  k: number;
  last: Stamp;
  index: Map<string, number>;
  width: number;
}

interface ReadContext {
  k: number;
  last: Stamp;
  extra: readonly string[];
  width: number;
  texts: number;
}

function writeSlot(w: BitWriter, slot: Slot, ctx: WriteContext): void {
  w.bits(slot.on ? 1 : 0, 1);
  w.signed(slot.stamp - ctx.last, ctx.k);
  ctx.last = slot.stamp;
}

function readSlot(r: BitReader, ctx: ReadContext): Slot {
  const on = r.bits(1) === 1;
  const stamp = ctx.last + r.signed(ctx.k);
  ctx.last = stamp;
  // i18n-exempt: decode diagnostic, never shown (see WireProblem)
  if (!Number.isSafeInteger(stamp) || stamp < 1 || stamp > MAX_STAMP) throw new RangeError(`stamp ${stamp} out of range`);
  return { on, stamp };
}

function widthFor(count: number): number {
  return count <= 1 ? 0 : 32 - Math.clz32(count - 1);
}

const coreCodec: FamilyCodec<CoreEntry> = {
  prefix: 'p',
  run: 384,
  stamps(e, out) {
    if (e.star) out.push(e.star.stamp);
    if (e.hide) out.push(e.hide.stamp);
    for (const tag of e.tags) out.push(tag.slot.stamp);
  },
  extra: (entries) => [...new Set(entries.flatMap((e) => e.tags.map((t) => t.name)))].sort(),
  write(w, e, ctx) {
    w.bits(e.star ? 1 : 0, 1);
    w.bits(e.hide ? 1 : 0, 1);
    if (e.star) writeSlot(w, e.star, ctx);
    if (e.hide) writeSlot(w, e.hide, ctx);
    w.expGolomb(e.tags.length, 0);
    for (const tag of e.tags) {
      w.bits(ctx.index.get(tag.name)!, ctx.width);
      writeSlot(w, tag.slot, ctx);
    }
  },
  read(r, base, ctx) {
    const hasStar = r.bits(1) === 1;
    const hasHide = r.bits(1) === 1;
    const entry: CoreEntry = { ...base, tags: [] };
    if (hasStar) entry.star = readSlot(r, ctx);
    if (hasHide) entry.hide = readSlot(r, ctx);
    const count = r.expGolomb(0);
    // i18n-exempt: decode diagnostic, never shown (see WireProblem)
    if (count > ctx.extra.length) throw new RangeError('more tags than the item names');
    for (let i = 0; i < count; i++) {
      const name = ctx.extra[r.bits(ctx.width)];
      // i18n-exempt: decode diagnostic, never shown (see WireProblem)
      if (name === undefined) throw new RangeError('tag index outside the tag table');
      entry.tags.push({ name, slot: readSlot(r, ctx) });
    }
    return entry;
  },
  size: (e) => 4 + e.tags.length * 3,
  checkExtra(extra) {
    // i18n-exempt: decode diagnostic, never shown (see WireProblem)
    for (const name of extra) if (v.parse(tagNameSchema, name) !== name) throw new RangeError('tag name with surrounding spaces');
  },
};

const noteCodec: FamilyCodec<NoteEntry> = {
  prefix: 'n',
  run: 8,
  stamps: (e, out) => out.push(e.slot.stamp),
  extra: (entries) => entries.flatMap((e) => (e.text === undefined ? [] : [e.text])),
  write(w, e, ctx) {
    writeSlot(w, e.slot, ctx);
  },
  read(r, base, ctx) {
    const slot = readSlot(r, ctx);
    if (!slot.on) return { ...base, slot };
    const text = ctx.extra[ctx.texts++];
    // i18n-exempt: decode diagnostic, never shown (see WireProblem)
    if (text === undefined) throw new RangeError('fewer note texts than notes');
    return { ...base, slot, text };
  },
  size: (e) => 8 + (e.text === undefined ? 0 : JSON.stringify(e.text).length),
  checkExtra(extra) {
    for (const text of extra) v.parse(noteSchema, text);
  },
};

/**
 * Read marks (`s`) and listing seen marks (`l`) share one layout: an id delta, a bit and a stamp
 * delta, a few bits a mark when a listing's marks were made in one session.
 */
const markCodec = (prefix: 's' | 'l'): FamilyCodec<MarkEntry> => ({
  prefix,
  run: 1024,
  stamps: (e, out) => out.push(e.slot.stamp),
  extra: () => [],
  write(w, e, ctx) {
    writeSlot(w, e.slot, ctx);
  },
  read(r, base, ctx) {
    return { ...base, slot: readSlot(r, ctx) };
  },
  size: () => 3,
  checkExtra(extra) {
    // i18n-exempt: decode diagnostic, never shown (see WireProblem)
    if (extra.length > 0) throw new RangeError('seen marks carry no strings');
  },
});

const readCodec = markCodec('s');
const seenCodec = markCodec('l');

/** Bytes a paper item may hold: the quota less room for its key and JSON punctuation. */
const ITEM_LIMIT = SYNC_QUOTA.QUOTA_BYTES_PER_ITEM;
const SOFT_ITEM_BYTES = 6_000;

/** One item of a paper family: `[format, bits, strings, old-style ids?]`. */
function encodeItem<E extends Keyed>(codec: FamilyCodec<E>, entries: readonly E[]): [string, unknown] {
  const extra = codec.extra(entries);
  const index = new Map(extra.map((name, i) => [name, i]));
  const fresh = entries.filter((e) => e.num !== undefined);
  const old = entries.filter((e) => e.num === undefined).map((e) => e.id);
  const idDeltas: number[] = [];
  let prev = 0;
  for (const e of fresh) {
    idDeltas.push(e.num! - prev);
    prev = e.num!;
  }
  const stamps: number[] = [];
  for (const e of fresh) codec.stamps(e, stamps);
  for (const e of entries) if (e.num === undefined) codec.stamps(e, stamps);
  const stampDeltas = stamps.map((stamp, i) => zigzag(stamp - (i === 0 ? 0 : stamps[i - 1]!)));
  const w = new BitWriter();
  const kId = bestOrder(idDeltas);
  const k = bestOrder(stampDeltas);
  w.expGolomb(fresh.length, 0);
  w.bits(kId, 4);
  w.bits(k, 4);
  const ctx: WriteContext = { k, last: 0, index, width: widthFor(extra.length) };
  fresh.forEach((e, i) => {
    w.expGolomb(idDeltas[i]!, kId);
    codec.write(w, e, ctx);
  });
  for (const e of entries) if (e.num === undefined) codec.write(w, e, ctx);
  const value = old.length > 0 ? [WIRE_FORMAT, w.text(), extra, old] : [WIRE_FORMAT, w.text(), extra];
  return [`${codec.prefix}${entries[0]!.id}`, value];
}

/**
 * Cuts `entries` (in wire order) into items: after an entry whose id hashes to 0 modulo the
 * family's run, or before the estimated size passes {@link SOFT_ITEM_BYTES}; an item still over
 * the per-item quota is halved. An entry too large for an item alone is returned in `tooLarge`.
 */
function encodeFamily<E extends Keyed>(codec: FamilyCodec<E>, entries: readonly E[]): { items: Items; tooLarge: E[] } {
  const items: Items = {};
  const tooLarge: E[] = [];
  const emit = (run: readonly E[]) => {
    if (run.length === 0) return;
    const [key, value] = encodeItem(codec, run);
    if (itemBytes(key, value) <= ITEM_LIMIT) items[key] = value;
    else if (run.length === 1) tooLarge.push(run[0]!);
    else {
      const half = Math.ceil(run.length / 2);
      emit(run.slice(0, half));
      emit(run.slice(half));
    }
  };
  let run: E[] = [];
  let size = 0;
  for (const entry of entries) {
    const entrySize = codec.size(entry);
    if (run.length > 0 && size + entrySize > SOFT_ITEM_BYTES) {
      emit(run);
      run = [];
      size = 0;
    }
    run.push(entry);
    size += entrySize;
    if (hashOf(entry.id) % codec.run === 0) {
      emit(run);
      run = [];
      size = 0;
    }
  }
  emit(run);
  return { items, tooLarge };
}

const paperItemSchema = v.union([
  v.strictTuple([v.literal(WIRE_FORMAT), v.string(), v.array(v.string())]),
  v.strictTuple([v.literal(WIRE_FORMAT), v.string(), v.array(v.string()), v.array(v.string())]),
]);

function decodeItem<E extends Keyed>(codec: FamilyCodec<E>, value: unknown): E[] {
  const parsed = v.parse(paperItemSchema, value);
  const [, bits, extra] = parsed;
  const old = parsed[3] ?? [];
  codec.checkExtra(extra);
  // i18n-exempt: decode diagnostic, never shown (see WireProblem)
  for (const id of old) if (!isArxivId(id) || idNumber(id) !== undefined) throw new RangeError(`not an old-style id: ${id.slice(0, 40)}`);
  const r = new BitReader(bits);
  const count = r.expGolomb(0);
  // i18n-exempt: decode diagnostic, never shown (see WireProblem)
  if (count > ITEM_LIMIT * 8) throw new RangeError('more papers than an item can hold');
  const kId = r.bits(4);
  const k = r.bits(4);
  const ctx: ReadContext = { k, last: 0, extra, width: widthFor(extra.length), texts: 0 };
  const out: E[] = [];
  let num = 0;
  for (let i = 0; i < count; i++) {
    num += r.expGolomb(kId);
    const id = idOfNumber(num);
    // i18n-exempt: decode diagnostic, never shown (see WireProblem)
    if (id === undefined) throw new RangeError(`not an arXiv id number: ${num}`);
    out.push(codec.read(r, { id, num }, ctx));
  }
  for (const id of old) out.push(codec.read(r, { id: id as ArxivId, num: undefined }, ctx));
  return out;
}

// ---------------------------------------------------------------- entries from papers and back

function slotOf(present: boolean, stamp: Stamp | undefined): Slot | undefined {
  return stamp === undefined ? undefined : { on: present, stamp };
}

function coreOf(paper: MergeablePaper, num: number | undefined): (CoreEntry & { newest: number }) | undefined {
  const stamps = paper.stamps ?? {};
  const star = slotOf(paper.starredAt !== undefined, stamps.star);
  const hide = slotOf(paper.hiddenAt !== undefined, stamps.hide);
  let newest = Math.max(star?.stamp ?? 0, hide?.stamp ?? 0);
  const tags: CoreEntry['tags'] = [];
  const tagStamps = stamps.tags;
  if (tagStamps !== undefined) {
    for (const name of Object.keys(tagStamps)) {
      const stamp = tagStamps[name]!;
      if (stamp > newest) newest = stamp;
      tags.push({ name, slot: { on: paper.tags.includes(name), stamp } });
    }
    if (tags.length > 1) tags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  if (!star && !hide && tags.length === 0) return undefined;
  const entry: CoreEntry & { newest: number } = { id: paper.id, num, tags, newest };
  if (star) entry.star = star;
  if (hide) entry.hide = hide;
  return entry;
}

function paperOfCore(entry: CoreEntry): MergeablePaper {
  const paper: MergeablePaper = { id: entry.id, tags: [], stamps: {} };
  const stamps = paper.stamps!;
  if (entry.star) {
    stamps.star = entry.star.stamp;
    if (entry.star.on) paper.starredAt = msOfStamp(entry.star.stamp);
  }
  if (entry.hide) {
    stamps.hide = entry.hide.stamp;
    if (entry.hide.on) paper.hiddenAt = msOfStamp(entry.hide.stamp);
  }
  if (entry.tags.length > 0) {
    stamps.tags = Object.fromEntries(entry.tags.map((tag) => [tag.name, tag.slot.stamp]));
    paper.tags = entry.tags.filter((tag) => tag.slot.on).map((tag) => tag.name);
  }
  return paper;
}

// ---------------------------------------------------------------- JSON row families

type Row = unknown[];

const ROW_FAMILIES = ['t', 'r', 'g'] as const;
type RowFamily = (typeof ROW_FAMILIES)[number];

function tagRow(entry: TagEntry): Row {
  return entry.color === undefined ? [entry.name, entry.stamp] : [entry.name, entry.stamp, entry.color, entry.createdAt ?? 0];
}

// Rules and settings go out with their keys in canonical order: two devices holding equal values
// built in different key orders must write equal items, or each would keep rewriting the other's.
function ruleRow(entry: RuleEntry): Row {
  return entry.rule === undefined ? [entry.id, entry.stamp] : [entry.id, entry.stamp, JSON.parse(canonicalJson(replicatedRule(entry.rule)))];
}

function settingRow(entry: SettingEntry): Row {
  return entry.value === undefined ? [entry.key, entry.stamp] : [entry.key, entry.stamp, JSON.parse(canonicalJson(entry.value))];
}

/** Packs rows (sorted by their key) into items `<prefix>0`, `<prefix>1`, … of at most the per-item quota. */
function encodeRows(prefix: RowFamily, rows: readonly Row[]): { items: Items; tooLarge: number } {
  const items: Items = {};
  let tooLarge = 0;
  let run: Row[] = [];
  let size = 0;
  const emit = () => {
    if (run.length > 0) items[`${prefix}${Object.keys(items).length}`] = [WIRE_FORMAT, run];
    run = [];
    size = 0;
  };
  for (const row of rows) {
    const rowBytes = itemBytes('', row) + 1;
    if (rowBytes + 16 > ITEM_LIMIT) {
      tooLarge++;
      continue;
    }
    if (size + rowBytes + 16 > ITEM_LIMIT) emit();
    run.push(row);
    size += rowBytes;
  }
  emit();
  return { items, tooLarge };
}

const rowItemSchema = v.strictTuple([v.literal(WIRE_FORMAT), v.array(v.array(v.unknown()))]);

const tagRowSchema = v.union([
  v.strictTuple([tagNameSchema, stampSchema]),
  v.strictTuple([tagNameSchema, stampSchema, colorSchema, timestampSchema]),
]);
const ruleRowSchema = v.union([v.strictTuple([keySchema, stampSchema]), v.strictTuple([keySchema, stampSchema, ruleSchema])]);
// Settings were JSON when written and come back from JSON: any value present is JSON.
const jsonValueSchema = v.custom<ReplicatedValue>((value) => value !== undefined);
const settingRowSchema = v.union([v.strictTuple([keySchema, stampSchema]), v.strictTuple([keySchema, stampSchema, jsonValueSchema])]);

// ---------------------------------------------------------------- budget and priority

/** How much of the sync area an encoding may use. */
export interface WireBudget {
  bytes: number;
  items: number;
}

export const FULL_BUDGET: WireBudget = { bytes: SYNC_QUOTA.QUOTA_BYTES, items: SYNC_QUOTA.MAX_ITEMS };

/** What an encoding carries of the state, for the plain-words status. */
export interface Coverage {
  /** Papers with a star, hide, tag or note; `synced` of them have all of that in the sync area. */
  papers: { total: number; synced: number };
  notes: { total: number; synced: number; tooLarge: number };
  /** Read marks of the reading list (papers' `seenAt`). */
  read: { total: number; synced: number };
  /** The listings' seen marks: the last to get room, the first left out when the area is full. */
  seen: { total: number; synced: number };
  tags: { total: number; synced: number };
  rules: { total: number; synced: number; tooLarge: number };
  settings: { total: number; synced: number; tooLarge: number };
  bytes: number;
  items: number;
}

function sizeOf(items: Items): { bytes: number; items: number } {
  let bytes = 0;
  let count = 0;
  for (const [key, value] of Object.entries(items)) {
    bytes += itemBytes(key, value);
    count++;
  }
  return { bytes, items: count };
}

/**
 * The longest prefix of `candidates` whose items fit `room`, with its items. The size of an
 * encoding grows about linearly with what it holds, so the search interpolates between the
 * largest prefix known to fit and the smallest known not to (a few encodes instead of a
 * bisection's dozen on 20,000 papers), and bisects once interpolation stops closing in.
 */
function fitPrefix<T>(
  candidates: readonly T[],
  encode: (subset: readonly T[]) => Items,
  room: WireBudget,
  ceiling = candidates.length,
): { count: number; items: Items } {
  const measure = (count: number) => {
    const items = encode(candidates.slice(0, count));
    const size = sizeOf(items);
    return { items, bytes: size.bytes, fits: size.bytes <= room.bytes && size.items <= room.items };
  };
  // A family far larger than the room (100,000 seen marks) is first measured at a count unlikely
  // to fit, rather than whole: each encode costs time linear in what it encodes. Should that count
  // fit after all, the whole family is measured as before.
  const capped = ceiling < candidates.length ? { count: ceiling, ...measure(ceiling) } : undefined;
  const all = capped === undefined || capped.fits ? { count: candidates.length, ...measure(candidates.length) } : capped;
  if (all.fits) return { count: candidates.length, items: all.items };
  let lo = { count: 0, ...measure(0) };
  if (!lo.fits) return { count: 0, items: {} };
  let hi = all;
  for (let step = 0; hi.count - lo.count > 1; step++) {
    const share = (room.bytes - lo.bytes) / Math.max(1, hi.bytes - lo.bytes);
    const guess = step < 4 ? lo.count + Math.floor(share * (hi.count - lo.count)) : Math.floor((lo.count + hi.count) / 2);
    const count = Math.min(hi.count - 1, Math.max(lo.count + 1, guess));
    const probe = { count, ...measure(count) };
    if (probe.fits) lo = probe;
    else hi = probe;
  }
  return { count: lo.count, items: lo.items };
}

/** Newest first, then by wire order, so every device ranks the same state the same way. */
function byNewest<E extends Keyed & { newest: number }>(a: E, b: E): number {
  return b.newest - a.newest || byWireOrder(a, b);
}

function remove(budget: WireBudget, items: Items): WireBudget {
  const size = sizeOf(items);
  return { bytes: budget.bytes - size.bytes, items: budget.items - size.items };
}

/**
 * The state as sync items, fitted to `budget` in order of priority: tag names and colours and
 * settings; then stars and tags (newest papers first); then rules; then notes; then papers that
 * are only hidden; then read marks; last the listings' seen marks, newest first, which are the
 * first left out when the sync area is full. What does not fit stays on this device (the local store is
 * the source of truth; the sync area replicates what it can) and is counted in `coverage`.
 * Tombstones rank with the entries they belong to. Equal states give equal items on every device.
 */
export function encodeState(state: ReplicatedState, budget: WireBudget = FULL_BUDGET): { items: Items; coverage: Coverage } {
  let room = budget;
  const items: Items = {};
  const take = (more: Items) => {
    Object.assign(items, more);
    room = remove(room, more);
  };
  const tagRows = [...state.tags.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map(tagRow);
  const settingRows = [...state.settings.values()].sort((a, b) => (a.key < b.key ? -1 : 1)).map(settingRow);
  const tagFit = fitPrefix(tagRows, (rows) => encodeRows('t', rows).items, room);
  take(tagFit.items);
  const settingsEncoded = encodeRows('g', settingRows);
  const settingFit = fitPrefix(settingRows, (rows) => encodeRows('g', rows).items, room);
  take(settingFit.items);

  const core: (CoreEntry & { newest: number })[] = [];
  const hiddenOnly: (CoreEntry & { newest: number })[] = [];
  const notes: (NoteEntry & { newest: number })[] = [];
  const read: (MarkEntry & { newest: number })[] = [];
  let annotated = 0;
  const isAnnotated = new Set<ArxivId>();
  for (const raw of state.papers.values()) {
    const paper = stamped(raw);
    const num = idNumber(paper.id);
    const entry = coreOf(paper, num);
    if (entry) {
      if (entry.star || entry.tags.length > 0) core.push(entry);
      else hiddenOnly.push(entry);
    }
    const stamps = paper.stamps ?? {};
    if (stamps.note !== undefined) {
      const note: NoteEntry & { newest: number } = { id: paper.id, num, slot: { on: paper.note !== undefined, stamp: stamps.note }, newest: stamps.note };
      if (paper.note !== undefined) note.text = paper.note;
      notes.push(note);
    }
    if (stamps.seen !== undefined) read.push({ id: paper.id, num, slot: { on: paper.seenAt !== undefined, stamp: stamps.seen }, newest: stamps.seen });
    if (paper.starredAt !== undefined || paper.hiddenAt !== undefined || paper.tags.length > 0 || paper.note !== undefined) {
      annotated++;
      isAnnotated.add(paper.id);
    }
  }
  const seen: (MarkEntry & { newest: number })[] = [];
  for (const mark of state.seen.values()) seen.push({ id: mark.id, num: idNumber(mark.id), slot: { on: mark.at !== undefined, stamp: mark.stamp }, newest: mark.stamp });
  for (const list of [core, hiddenOnly, notes, read, seen]) list.sort(byNewest);

  const encodeCore = (subset: readonly CoreEntry[]) => encodeFamily(coreCodec, [...subset].sort(byWireOrder)).items;
  const coreFit = fitPrefix(core, encodeCore, room);
  take(coreFit.items);

  const ruleRows = [...state.rules.values()].sort((a, b) => b.stamp - a.stamp || (a.id < b.id ? -1 : 1));
  const rulesEncoded = encodeRows('r', ruleRows.map(ruleRow));
  const ruleFit = fitPrefix(ruleRows, (rows) => encodeRows('r', [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map(ruleRow)).items, room);
  take(ruleFit.items);

  // A note whose item alone would pass the per-item quota cannot sync at all.
  const tooLargeNotes = new Set(notes.filter((e) => noteCodec.size(e) + e.id.length + 40 > ITEM_LIMIT).map((e) => e.id));
  const fittingNotes = notes.filter((e) => !tooLargeNotes.has(e.id));
  const noteFit = fitPrefix(fittingNotes, (subset) => encodeFamily(noteCodec, [...subset].sort(byWireOrder)).items, room);
  take(noteFit.items);

  // Hidden-only papers share the stars' items: refit the whole family with the core papers kept.
  const keptCore = core.slice(0, coreFit.count);
  let hiddenCount = 0;
  if (hiddenOnly.length > 0) {
    const coreSize = sizeOf(coreFit.items);
    const coreRoom = { bytes: room.bytes + coreSize.bytes, items: room.items + coreSize.items };
    const hiddenFit = fitPrefix(hiddenOnly, (subset) => encodeCore([...keptCore, ...subset]), coreRoom);
    for (const key of Object.keys(coreFit.items)) delete items[key];
    room = coreRoom;
    take(hiddenFit.count > 0 ? hiddenFit.items : coreFit.items);
    hiddenCount = hiddenFit.count;
  }

  const readFit = fitPrefix(read, (subset) => encodeFamily(readCodec, [...subset].sort(byWireOrder)).items, room);
  take(readFit.items);
  // Seen marks of daily listings take about 10 bits each (an id delta, the bit, a stamp delta), at
  // 6.5 bits a byte: a count at 8 bits each is unlikely to fit.
  const seenCeiling = Math.ceil((Math.max(0, room.bytes) * 6.5) / 8);
  const seenFit = fitPrefix(seen, (subset) => encodeFamily(seenCodec, [...subset].sort(byWireOrder)).items, room, seenCeiling);
  take(seenFit.items);

  const syncedNotes = new Set(fittingNotes.slice(0, noteFit.count).map((e) => e.id));
  const syncedCore = new Set([...keptCore, ...hiddenOnly.slice(0, hiddenCount)].map((e) => e.id));
  const unsyncedPapers = new Set<ArxivId>();
  for (const e of [...core, ...hiddenOnly]) if (!syncedCore.has(e.id) && isAnnotated.has(e.id)) unsyncedPapers.add(e.id);
  for (const e of notes) if (!syncedNotes.has(e.id) && isAnnotated.has(e.id)) unsyncedPapers.add(e.id);
  const size = sizeOf(items);
  const coverage: Coverage = {
    papers: { total: annotated, synced: annotated - unsyncedPapers.size },
    notes: { total: notes.filter((e) => e.slot.on).length, synced: fittingNotes.slice(0, noteFit.count).filter((e) => e.slot.on).length, tooLarge: tooLargeNotes.size },
    read: { total: read.filter((e) => e.slot.on).length, synced: read.slice(0, readFit.count).filter((e) => e.slot.on).length },
    seen: { total: seen.filter((e) => e.slot.on).length, synced: seen.slice(0, seenFit.count).filter((e) => e.slot.on).length },
    tags: { total: tagRows.length, synced: tagFit.count },
    rules: { total: ruleRows.length, synced: Math.min(ruleFit.count, ruleRows.length - rulesEncoded.tooLarge), tooLarge: rulesEncoded.tooLarge },
    settings: { total: settingRows.length, synced: Math.min(settingFit.count, settingRows.length - settingsEncoded.tooLarge), tooLarge: settingsEncoded.tooLarge },
    bytes: size.bytes,
    items: size.items,
  };
  return { items, coverage };
}

// ---------------------------------------------------------------- decoding

/** A sync item that could not be read, and why. */
export interface WireProblem {
  key: string;
  /**
   * Why, in English for whoever debugs the format: the options page says only how many items
   * were skipped, since no reader can act on a broken bit stream from another device.
   */
  reason: string;
}

/** Whether `key` names an item of this format's families (other keys are left alone). */
export function isWireKey(key: string): boolean {
  return /^[pnstrgl]/.test(key);
}

/**
 * Whether an item is this format's to replace or remove: one of its keys holding anything but an
 * item of another format. Items a newer Sift wrote (`[2, …]`) stay untouched, so an older device
 * never deletes them; a newer format should also take new key prefixes, so the two never collide.
 */
export function isOwnItem(key: string, value: unknown): boolean {
  if (!isWireKey(key)) return false;
  return !(Array.isArray(value) && typeof value[0] === 'number' && value[0] !== WIRE_FORMAT);
}

function describe(error: unknown): string {
  // i18n-exempt: decode diagnostic, never shown (see WireProblem)
  if (error instanceof v.ValiError) return `unexpected shape (${error.issues[0]?.message ?? 'invalid'})`;
  return error instanceof Error ? error.message : String(error);
}

function decodeRows(family: RowFamily, value: unknown, state: ReplicatedState): void {
  const [, rows] = v.parse(rowItemSchema, value);
  const parsed = rows.map((row) => {
    switch (family) {
      case 't': {
        const [name, stamp, color, createdAt] = v.parse(tagRowSchema, row);
        const entry: TagEntry = color === undefined ? { name, stamp } : { name, stamp, color, createdAt: createdAt! };
        return () => {
          const ours = state.tags.get(name);
          state.tags.set(name, ours ? mergeTagEntry(ours, entry) : entry);
        };
      }
      case 'r': {
        const [id, stamp, rule] = v.parse(ruleRowSchema, row);
        const entry: RuleEntry = rule === undefined ? { id, stamp } : { id, stamp, rule };
        return () => {
          const ours = state.rules.get(id);
          state.rules.set(id, ours ? mergeRuleEntry(ours, entry) : entry);
        };
      }
      case 'g': {
        const parsedRow = v.parse(settingRowSchema, row);
        const [key, stamp] = parsedRow;
        const entry: SettingEntry = parsedRow.length === 3 ? { key, stamp, value: parsedRow[2] } : { key, stamp };
        return () => {
          const ours = state.settings.get(key);
          state.settings.set(key, ours ? mergeSettingEntry(ours, entry) : entry);
        };
      }
    }
  });
  // Validate the whole item before taking any of it: a half-read item is a broken item.
  for (const apply of parsed) apply();
}

function addPaper(state: ReplicatedState, paper: MergeablePaper): void {
  const ours = state.papers.get(paper.id);
  state.papers.set(paper.id, ours ? mergePaper(ours, paper) : paper);
}

/**
 * Reads every item of the sync area into one state, merging items that hold the same paper
 * (written by different devices at different times). An item that is not valid — wrong shape,
 * another format, a broken bit stream, an invalid id, tag, colour, rule or stamp — is skipped
 * whole and listed in `problems`; the rest is read.
 */
export function decodeItems(items: Items): { state: ReplicatedState; problems: WireProblem[] } {
  const state = emptyState();
  const problems: WireProblem[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!isWireKey(key)) continue;
    try {
      // Before anything recursive (schemas, canonical JSON) walks it: items come from other devices.
      const tooDeep = findTooDeep(value, LIMITS.depth, key);
      // i18n-exempt: decode diagnostic, never shown (see WireProblem)
      if (tooDeep !== undefined) throw new RangeError(`${tooDeep}: nested deeper than ${LIMITS.depth} levels`);
      const family = key[0] as Family | RowFamily;
      if (family === 'p') {
        for (const entry of decodeItem(coreCodec, value)) addPaper(state, paperOfCore(entry));
      } else if (family === 'n') {
        for (const entry of decodeItem(noteCodec, value)) {
          const paper: MergeablePaper = { id: entry.id, tags: [], stamps: { note: entry.slot.stamp } };
          if (entry.text !== undefined) paper.note = entry.text;
          addPaper(state, paper);
        }
      } else if (family === 's') {
        for (const entry of decodeItem(readCodec, value)) {
          const paper: MergeablePaper = { id: entry.id, tags: [], stamps: { seen: entry.slot.stamp } };
          if (entry.slot.on) paper.seenAt = msOfStamp(entry.slot.stamp);
          addPaper(state, paper);
        }
      } else if (family === 'l') {
        for (const entry of decodeItem(seenCodec, value)) {
          const mark: SeenEntry = entry.slot.on ? { id: entry.id, at: msOfStamp(entry.slot.stamp), stamp: entry.slot.stamp } : { id: entry.id, stamp: entry.slot.stamp };
          const ours = state.seen.get(entry.id);
          state.seen.set(entry.id, ours ? mergeSeenEntry(ours, mark) : mark);
        }
      } else decodeRows(family, value, state);
    } catch (error) {
      problems.push({ key, reason: describe(error) });
    }
  }
  return { state, problems };
}
