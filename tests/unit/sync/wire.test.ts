import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isArxivId } from '@/lib/arxiv/ids';
import type { ArxivId } from '@/lib/arxiv/types';
import { canonicalJson, emptyState, type MergeablePaper, type ReplicatedState } from '@/lib/store/merge';
import { SYNC_QUOTA, itemBytes } from '@/lib/sync/area';
import { BitReader, BitWriter } from '@/lib/sync/bits';
import { decodeItems, encodeState, idNumber, idOfNumber, type Items } from '@/lib/sync/wire';
import { rule } from './devices';
import { replicated } from './replicated';
import { TAG_NAMES, triageState } from './workload';

function totalBytes(items: Items): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

describe('bit stream', () => {
  it('reads back any sequence of fixed-width, Exp-Golomb and signed numbers', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('bits' as const), fc.integer({ min: 0, max: 2 ** 30 - 1 }), fc.constant(30)),
      fc.tuple(fc.constant('eg' as const), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 12 })),
      fc.tuple(fc.constant('signed' as const), fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), fc.integer({ min: 0, max: 8 })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const w = new BitWriter();
        for (const [kind, value, n] of ops) {
          if (kind === 'bits') w.bits(value, n);
          else if (kind === 'eg') w.expGolomb(value, n);
          else w.signed(value, n);
        }
        const text = w.text();
        expect(JSON.stringify(text)).toBe(`"${text}"`);
        const r = new BitReader(text);
        for (const [kind, value, n] of ops) {
          const read = kind === 'bits' ? r.bits(n) : kind === 'eg' ? r.expGolomb(n) : r.signed(n);
          expect(read).toBe(value);
        }
      }),
    );
  });

  it('refuses characters outside its alphabet and reads past the end', () => {
    expect(() => new BitReader('"a').bits(1)).toThrow(RangeError);
    expect(() => new BitReader('').bits(1)).toThrow(/ends early/);
  });
});

describe('ids as numbers', () => {
  it.each(['0704.0001', '1412.9999', '1501.00001', '2602.22290'])('round-trips %s', (id) => {
    expect(idOfNumber(idNumber(id as ArxivId)!)).toBe(id);
  });

  it('turns a number into an id exactly when the number is some valid id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (value) => {
        const id = idOfNumber(value);
        if (id === undefined) return;
        expect(isArxivId(id)).toBe(true);
        expect(idNumber(id)).toBe(value);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 704, max: 2612 }), fc.integer({ min: 0, max: 99_999 }), (yymm, number) => {
        const digits = yymm < 1501 ? 4 : 5;
        const text = `${String(yymm).padStart(4, '0')}.${String(number).padStart(digits, '0')}`;
        if (isArxivId(text)) expect(idOfNumber(idNumber(text)!)).toBe(text);
      }),
    );
  });

  it('leaves old-style ids as text and refuses numbers no id has', () => {
    expect(idNumber('hep-th/9901001' as ArxivId)).toBeUndefined();
    expect(idOfNumber(130012345)).toBeUndefined();
  });
});

const paperArb: fc.Arbitrary<MergeablePaper> = fc
  .record({
    id: fc.oneof(
      fc.integer({ min: 0, max: 30_000 }).map((n) => `2${String(401 + (n % 12)).padStart(3, '0')}.${String(1 + n).padStart(5, '0')}`),
      fc.constantFrom('hep-th/9901001', 'math/0601001', '0704.0001', '1412.0042'),
    ),
    star: fc.option(fc.tuple(fc.boolean(), fc.integer({ min: 28_000_000, max: 30_000_000 }))),
    hide: fc.option(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 30_000_000 }))),
    seen: fc.option(fc.tuple(fc.boolean(), fc.integer({ min: 28_000_000, max: 30_000_000 }))),
    note: fc.option(fc.tuple(fc.option(fc.string({ unit: 'grapheme', maxLength: 30 })), fc.integer({ min: 28_000_000, max: 30_000_000 }))),
    tags: fc.uniqueArray(fc.tuple(fc.constantFrom('ml', 'to read', 'ünïcode', '__proto__', 'a"b\\c'), fc.boolean(), fc.integer({ min: 1, max: 30_000_000 })), { selector: ([n]) => n }),
  })
  .map(({ id, star, hide, seen, note, tags }) => {
    const paper: MergeablePaper = { id: id as ArxivId, tags: tags.filter(([, on]) => on).map(([n]) => n), stamps: {} };
    const stamps = paper.stamps!;
    if (star) [stamps.star, paper.starredAt] = [star[1], star[0] ? star[1] * 60_000 : undefined];
    if (hide) [stamps.hide, paper.hiddenAt] = [hide[1], hide[0] ? hide[1] * 60_000 : undefined];
    if (seen) [stamps.seen, paper.seenAt] = [seen[1], seen[0] ? seen[1] * 60_000 : undefined];
    if (note) [stamps.note, paper.note] = [note[1], note[0] ?? undefined];
    if (tags.length > 0) stamps.tags = Object.fromEntries(tags.map(([n, , s]) => [n, s]));
    for (const key of ['starredAt', 'hiddenAt', 'seenAt', 'note'] as const) if (paper[key] === undefined) delete paper[key];
    return paper;
  });

function stateOf(papers: readonly MergeablePaper[]): ReplicatedState {
  const state = emptyState();
  for (const paper of papers) state.papers.set(paper.id, paper);
  return state;
}

describe('encodeState / decodeItems', () => {
  it('round-trips any state that fits, with no problems', () => {
    fc.assert(
      fc.property(fc.uniqueArray(paperArb, { selector: (p) => p.id, maxLength: 60 }), (papers) => {
        const state = stateOf(papers);
        state.tags.set('ml', { name: 'ml', color: '#aabbcc', createdAt: 5, stamp: 9 });
        state.tags.set('gone', { name: 'gone', stamp: 10 });
        state.settings.set('theme', { key: 'theme', value: { dark: [1, null] }, stamp: 3 });
        state.settings.set('old', { key: 'old', stamp: 4 });
        for (const [i, paper] of papers.entries()) {
          const stamp = 28_000_000 + i * 7;
          state.seen.set(paper.id, i % 3 === 0 ? { id: paper.id, stamp } : { id: paper.id, at: stamp * 60_000, stamp });
        }
        const { items, coverage } = encodeState(state);
        const { state: back, problems } = decodeItems(JSON.parse(JSON.stringify(items)) as Items);
        expect(problems).toEqual([]);
        const withStampedPapers = stateOf(papers.filter((p) => Object.keys(p.stamps ?? {}).length > 0));
        for (const key of ['tags', 'settings', 'seen'] as const) withStampedPapers[key] = state[key] as never;
        expect(replicated(back)).toBe(replicated(withStampedPapers));
        expect(coverage.papers.synced).toBe(coverage.papers.total);
      }),
      { numRuns: 150 },
    );
  });

  it('holds 5,000 starred papers with two tags each and 300 notes of 200 characters in 100 KB', () => {
    const state = triageState({ starred: 5000, notes: 300, noteLength: 200 });
    const { items, coverage } = encodeState(state);
    const bytes = totalBytes(items);
    expect(coverage.papers).toEqual({ total: 5000, synced: 5000 });
    expect(coverage.notes).toEqual({ total: 300, synced: 300, tooLarge: 0 });
    // The capacity figure: 92,504 bytes when written; fails if the encoding grows past the quota.
    expect(bytes).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    expect(bytes).toBeLessThanOrEqual(95_000);
    expect(bytes).toBe(coverage.bytes);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
    expect(Object.keys(items).length).toBeLessThanOrEqual(SYNC_QUOTA.MAX_ITEMS);
    const { state: back } = decodeItems(items);
    expect(replicated(back)).toBe(replicated(state));
    console.info(`capacity: 5,000 starred × 2 tags + 300 notes × 200 chars = ${bytes} bytes in ${Object.keys(items).length} items`);
  });

  it('changes one item when one more paper is starred', () => {
    const state = triageState({ starred: 3000 });
    const before = encodeState(state).items;
    const paper = [...state.papers.values()][1500]!;
    const extra = `${paper.id.slice(0, 5)}${String(Number(paper.id.slice(5)) + 1).padStart(5, '0')}` as ArxivId;
    state.papers.set(extra, { id: extra, starredAt: 1, tags: [], stamps: { star: 29_500_000 } });
    const after = encodeState(state).items;
    const changed = Object.keys({ ...before, ...after }).filter((key) => canonicalJson(before[key]) !== canonicalJson(after[key]));
    expect(changed.length).toBeLessThanOrEqual(2);
  });

  it('over quota, keeps stars and tags before notes before read marks before seen marks, newest first', () => {
    const state = triageState({ starred: 9000, notes: 400, noteLength: 200, seen: 3000, marks: 2000 });
    const { items, coverage } = encodeState(state);
    expect(totalBytes(items)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    expect(coverage.read.synced).toBe(0);
    expect(coverage.seen).toEqual({ total: 2000, synced: 0 });
    expect(Object.keys(items).some((key) => key.startsWith('l'))).toBe(false);
    expect(coverage.papers.synced).toBeLessThan(coverage.papers.total);
    const { state: back } = decodeItems(items);
    const newest = [...state.papers.values()].filter((p) => p.starredAt !== undefined).sort((a, b) => b.stamps!.star! - a.stamps!.star!)[0]!;
    expect(back.papers.get(newest.id)?.starredAt).toBeDefined();
    expect(coverage.tags.synced).toBe(TAG_NAMES.length);
  });

  it('fills the room left after stars, tags and notes with the newest seen marks, and says how many', () => {
    const state = triageState({ starred: 5000, notes: 300, noteLength: 200, marks: 20_000 });
    const alone = encodeState(triageState({ starred: 5000, notes: 300, noteLength: 200 }));
    const { items, coverage } = encodeState(state);
    expect(totalBytes(items)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    // Seen marks never push out a star, tag or note.
    expect(coverage.papers).toEqual({ total: 5000, synced: 5000 });
    expect(coverage.notes.synced).toBe(300);
    for (const [key, value] of Object.entries(alone.items)) expect(items[key]).toEqual(value);
    expect(coverage.seen.synced).toBeGreaterThan(0);
    expect(coverage.seen.synced).toBeLessThan(20_000);
    const { state: back } = decodeItems(items);
    expect(back.seen.size).toBe(coverage.seen.synced);
    const byNewest = [...state.seen.values()].sort((a, b) => b.stamp - a.stamp);
    const oldestSynced = Math.min(...[...back.seen.values()].map((mark) => mark.stamp));
    expect(byNewest[coverage.seen.synced - 1]!.stamp).toBe(oldestSynced);
    expect(byNewest[0] && back.seen.get(byNewest[0].id)?.stamp).toBe(byNewest[0]!.stamp);
    console.info(`seen marks beside 5,000 stars and 300 notes: ${coverage.seen.synced} of 20,000 in ${coverage.bytes} bytes`);
  });

  it('packs daily listings\' seen marks in about 1.5 bytes each: over 60,000 fit in the area alone', () => {
    const state = triageState({ starred: 0, marks: 100_000 });
    const { items, coverage } = encodeState(state);
    const each = totalBytes(items) / coverage.seen.synced;
    console.info(`seen marks alone: ${coverage.seen.synced} of 100,000 in ${totalBytes(items)} bytes, ${each.toFixed(2)} bytes each`);
    expect(coverage.seen.synced).toBeGreaterThan(60_000);
    expect(each).toBeLessThan(1.6);
    expect(decodeItems(items).problems).toEqual([]);
  });

  it('carries an unmark as a tombstone that wins over the older mark', () => {
    const id = '2601.00001' as ArxivId;
    const state = emptyState();
    state.seen.set(id, { id, stamp: 29_000_010 });
    const { state: back } = decodeItems(JSON.parse(JSON.stringify(encodeState(state).items)) as Items);
    expect(back.seen.get(id)).toEqual({ id, stamp: 29_000_010 });
  });

  it('keeps a note too large for an item on this device and says so', () => {
    const state = stateOf([
      { id: '2601.00001' as ArxivId, note: 'x'.repeat(9000), tags: [], stamps: { note: 29_000_000 } },
      { id: '2601.00002' as ArxivId, note: 'short', tags: [], stamps: { note: 29_000_000 } },
    ]);
    const { items, coverage } = encodeState(state);
    expect(coverage.notes).toEqual({ total: 2, synced: 1, tooLarge: 1 });
    expect(decodeItems(items).state.papers.get('2601.00002' as ArxivId)?.note).toBe('short');
  });
});

describe('rules on the wire', () => {
  it('leave their pattern verdict on this device: the receiving device checks them itself', () => {
    const state = emptyState();
    const saved = rule('r1', 'consensus', 5);
    state.rules.set('r1', { id: 'r1', stamp: 9, rule: { ...saved, verdict: { of: 'phrase:consensus' } } });
    const back = decodeItems(encodeState(state).items).state.rules.get('r1');
    expect(back).toEqual({ id: 'r1', stamp: 9, rule: saved });
  });
});

describe('decodeItems on broken input', () => {
  const good = encodeState(triageState({ starred: 50 })).items;

  it.each([
    ['a value of the wrong shape', { p2601: { what: 1 } }],
    ['another format', { p2601: [2, 'AA', []] }],
    ['a truncated bit stream', { p2601: [1, '', []] }],
    ['characters outside the alphabet', { p2601: [1, '"\\', []] }],
    ['a tag index outside its table', { p2601: [1, coreWithBadTag(), []] }],
    ['a tag name with surrounding spaces', { p2601: [1, 'AA', [' ml']] }],
    ['a note longer than notes may be', { n2601: [1, 'AA', ['x'.repeat(10_001)]] }],
    ['strings in a seen-marks item', { s2601: [1, 'AA', ['x']] }],
    ['an invalid colour', { t0: [1, [['ml', 5, 'red', 0]]] }],
    ['an invalid rule', { r0: [1, [['r1', 5, { id: 'r1' }]]] }],
    ['a stamp out of range', { t0: [1, [['ml', -5]]] }],
    ['a setting nested 2,000 deep', { g0: [1, [['deep', 5, JSON.parse('['.repeat(2000) + ']'.repeat(2000)) as unknown]]] }],
  ])('reports and skips %s, and still reads every good item', (_, bad) => {
    const { state, problems } = decodeItems({ ...good, ...bad });
    expect(problems.map((p) => p.key)).toEqual(Object.keys(bad));
    expect(problems[0]!.reason.length).toBeGreaterThan(0);
    expect(state.papers.size).toBe(50);
  });
});

/** A paper item whose one paper names tag 0 of an empty tag table. */
function coreWithBadTag(): string {
  const w = new BitWriter();
  w.expGolomb(1, 0);
  w.bits(0, 4);
  w.bits(0, 4);
  w.expGolomb(260_100_001, 0);
  w.bits(0, 2);
  w.expGolomb(1, 0);
  return w.text();
}
