import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import type { PaperRecord } from '@/lib/store/db';
import {
  canonicalJson,
  emptyState,
  mergePaper,
  mergeRuleEntry,
  mergeSeenEntry,
  mergeSettingEntry,
  mergeState,
  mergeTagEntry,
  nextEntry,
  paperStampsSchema,
  replicatedRule,
  setFlag,
  setNote,
  setTag,
  type MergeablePaper,
  type SeenEntry,
} from '@/lib/store/merge';
import { stampOfMs } from '@/lib/sync/hlc';

const ID = '2602.22290' as ArxivId;

function paper(fields: Partial<MergeablePaper> = {}): MergeablePaper {
  return { id: ID, tags: [], ...fields };
}

/** The replicated part of a paper, tag order aside, as one comparable text. */
function view(record: MergeablePaper): string {
  const { starredAt, hiddenAt, seenAt, note } = record;
  const flags = [starredAt, hiddenAt, seenAt].map((at) => at !== undefined);
  const stamps = record.stamps ?? {};
  return canonicalJson({ flags, note, tags: [...record.tags].sort(), stamps });
}

describe('mergePaper', () => {
  it('keeps an unstar from the laptop and a tag from the desktop of the same paper', () => {
    const before = paper({ starredAt: 1, stamps: { star: 10 } });
    const laptop = paper({ stamps: { star: 20 } });
    const desktop = paper({ ...before, tags: ['ml'], stamps: { star: 10, tags: { ml: 30 } } });
    for (const merged of [mergePaper(laptop, desktop), mergePaper(desktop, laptop)]) {
      expect(merged.starredAt).toBeUndefined();
      expect(merged.tags).toEqual(['ml']);
      expect(merged.stamps).toEqual({ star: 20, tags: { ml: 30 } });
    }
  });

  it('does not bring back a tag removed after the backup was taken', () => {
    const backup = paper({ tags: ['ml', 'read'], stamps: { tags: { ml: 5, read: 5 } } });
    const local = paper({ tags: ['read'], stamps: { tags: { ml: 9, read: 5 } } });
    expect(mergePaper(local, backup).tags).toEqual(['read']);
  });

  it('keeps a note the newer copy lacks when it was never cleared', () => {
    const local = paper({ note: 'mine', starredAt: 1, stamps: { note: 5, star: 5 }, updatedAt: 100 });
    const backup = paper({ starredAt: 1, stamps: { star: 50 }, updatedAt: 5_000_000 });
    expect(mergePaper(local, backup).note).toBe('mine');
  });

  it('clears a note when the clearing is newer than the note', () => {
    const local = paper({ stamps: { note: 50 } });
    const backup = paper({ note: 'old', stamps: { note: 40 } });
    expect(mergePaper(local, backup).note).toBeUndefined();
    expect(mergePaper(local, backup).stamps?.note).toBe(50);
  });

  it('treats unstamped (pre-sync) records as written at updatedAt, with no tombstones', () => {
    const minute = 60_000;
    const older = paper({ note: 'first', tags: ['a'], starredAt: 1, updatedAt: 10 * minute });
    const newer = paper({ tags: ['b'], hiddenAt: 2, updatedAt: 20 * minute });
    const merged = mergePaper(older, newer);
    expect(merged.note).toBe('first');
    expect([...merged.tags].sort()).toEqual(['a', 'b']);
    expect(merged.starredAt).toBe(1);
    expect(merged.hiddenAt).toBe(2);
    expect(merged.stamps).toEqual({ star: 10, hide: 20, note: 10, tags: { a: 10, b: 20 } });
  });

  it('a stamped removal beats an unstamped tag of an old backup', () => {
    const oldBackup = paper({ tags: ['ml'], updatedAt: 1_000 * 60_000 });
    const local = paper({ stamps: { tags: { ml: 2_000 } } });
    expect(mergePaper(local, oldBackup).tags).toEqual([]);
  });

  it('merges the store\'s own paper records, as backup restore will', () => {
    const meta = (title: string) => ({ id: ID, title, authors: [], subjects: [], section: 'new' as const, absUrl: `https://arxiv.org/abs/${ID}` });
    const local: PaperRecord = { id: ID, meta: meta('old title'), tags: ['read'], note: 'mine', updatedAt: 1_000 * 60_000 };
    const backup: PaperRecord = { id: ID, meta: meta('new title'), tags: ['ml'], starredAt: 5, updatedAt: 2_000 * 60_000 };
    const merged: PaperRecord = mergePaper(local, backup);
    expect(merged).toMatchObject({ meta: { title: 'new title' }, note: 'mine', starredAt: 5, updatedAt: 2_000 * 60_000 });
    expect([...merged.tags].sort()).toEqual(['ml', 'read']);
  });

  it('takes metadata from the record updated last and keeps the later updatedAt', () => {
    type WithMeta = MergeablePaper & { meta: string };
    const a: WithMeta = { ...paper({ updatedAt: 1 }), meta: 'old' };
    const b: WithMeta = { ...paper({ updatedAt: 2 }), meta: 'new' };
    expect(mergePaper(a, b)).toMatchObject({ meta: 'new', updatedAt: 2 });
    expect(mergePaper(b, a)).toMatchObject({ meta: 'new', updatedAt: 2 });
  });

  it('breaks a tie of equal stamps the same way from both sides: present beats absent', () => {
    const a = paper({ starredAt: 5, stamps: { star: 7 } });
    const b = paper({ stamps: { star: 7 } });
    expect(mergePaper(a, b).starredAt).toBe(5);
    expect(mergePaper(b, a).starredAt).toBe(5);
  });

  it('keeps the local time of a star both sides stamped alike (times are not replicated)', () => {
    const local = paper({ starredAt: 5_123, stamps: { star: 7 } });
    expect(mergePaper(local, paper({ starredAt: 5_000, stamps: { star: 7 } })).starredAt).toBe(5_123);
  });

  it('breaks a tie of two notes with the same stamp by the larger text, from both sides', () => {
    const a = paper({ note: 'apple', stamps: { note: 7 } });
    const b = paper({ note: 'banana', stamps: { note: 7 } });
    expect(mergePaper(a, b).note).toBe('banana');
    expect(mergePaper(b, a).note).toBe('banana');
  });
});

describe('local writes', () => {
  const now = Date.UTC(2026, 11, 1, 12, 0);
  const minute = stampOfMs(now);

  it('stamps a star, and an unstar past it, leaving a tombstone', () => {
    const starred = setFlag(paper(), 'star', true, now);
    expect(starred).toMatchObject({ starredAt: now, stamps: { star: minute } });
    const unstarred = setFlag(starred, 'star', false, now);
    expect(unstarred.starredAt).toBeUndefined();
    expect(unstarred.stamps?.star).toBe(minute + 1);
    expect(setFlag(unstarred, 'star', false, now)).toBe(unstarred);
  });

  it('removes a tag with a tombstone a restored older copy cannot undo', () => {
    const tagged = setTag(paper(), 'ml', true, now - 60 * 60_000);
    const removed = setTag(tagged, 'ml', false, now);
    expect(removed.tags).toEqual([]);
    expect(mergePaper(removed, tagged).tags).toEqual([]);
    expect(setTag(removed, 'ml', false, now)).toBe(removed);
  });

  it('stamps the old fields of a pre-sync record at its updatedAt before writing', () => {
    const legacy = paper({ tags: ['a'], note: 'kept', updatedAt: now - 10 * 60_000 });
    const written = setNote(legacy, undefined, now);
    expect(written.note).toBeUndefined();
    expect(written.stamps).toEqual({ note: minute, tags: { a: minute - 10 } });
  });

  it('stamps a tag, rule or setting entry past its previous version', () => {
    const first = nextEntry(undefined, { name: 'ml', color: '#111111', createdAt: now }, now);
    expect(first).toEqual({ name: 'ml', color: '#111111', createdAt: now, stamp: minute });
    expect(nextEntry(first, { name: 'ml' }, now)).toEqual({ name: 'ml', stamp: minute + 1 });
  });
});

describe('paperStampsSchema', () => {
  it('accepts stamps as records store them and refuses out-of-range or unknown ones', () => {
    expect(v.is(paperStampsSchema, { star: 5, tags: { ml: 6, __proto__x: 7 } })).toBe(true);
    expect(v.is(paperStampsSchema, { star: 0 })).toBe(false);
    expect(v.is(paperStampsSchema, { star: 1.5 })).toBe(false);
    expect(v.is(paperStampsSchema, { tags: { ml: -1 } })).toBe(false);
    expect(v.is(paperStampsSchema, { starred: 5 })).toBe(false);
  });
});

describe('entries', () => {
  it('a tag deleted later wins over its older colour, a recolour later wins over the deletion', () => {
    const coloured = { name: 'ml', color: '#111111', createdAt: 1, stamp: 5 };
    const deleted = { name: 'ml', stamp: 6 };
    expect(mergeTagEntry(coloured, deleted)).toBe(deleted);
    expect(mergeTagEntry(deleted, { ...coloured, stamp: 7 }).color).toBe('#111111');
  });

  it('rules and settings keep the later version, and the same one from either side on a tie', () => {
    expect(mergeSettingEntry({ key: 'k', value: 1, stamp: 2 }, { key: 'k', value: 0, stamp: 3 }).value).toBe(0);
    const a = { key: 'k', value: { b: 1, a: 2 }, stamp: 3 };
    const b = { key: 'k', value: { a: 2, b: 2 }, stamp: 3 };
    expect(mergeSettingEntry(a, b)).toBe(mergeSettingEntry(b, a));
    expect(mergeRuleEntry({ id: 'r', stamp: 9 }, { id: 'r', stamp: 4 }).rule).toBeUndefined();
  });

  it('treats equal rules with different pattern verdicts as one rule and keeps the local verdict', () => {
    const base = { id: 'r', pattern: 'a+', mode: 'regex' as const, fields: ['title' as const], caseSensitive: false, diacriticSensitive: false, color: '#aabbcc', action: 'highlight' as const, enabled: true, createdAt: 1, updatedAt: 1 };
    const local = { id: 'r', stamp: 5, rule: { ...base, verdict: { of: 'regex:a+' } } };
    const incoming = { id: 'r', stamp: 5, rule: { ...base, verdict: { of: 'zzz', error: 'unsafe' } } };
    expect(mergeRuleEntry(local, incoming)).toBe(local);
    expect(replicatedRule(local.rule)).toEqual(base);
  });
});

describe('mergeState', () => {
  it('reports only what changed and nothing when merged again', () => {
    const local = emptyState();
    local.papers.set(ID, paper({ starredAt: 1, stamps: { star: 3 } }));
    const incoming = emptyState();
    incoming.papers.set(ID, paper({ starredAt: 1, stamps: { star: 3 } }));
    const other = '2602.00001' as ArxivId;
    incoming.papers.set(other, paper({ id: other, hiddenAt: 1, stamps: { hide: 3 } }));
    incoming.tags.set('ml', { name: 'ml', color: '#222222', stamp: 2 });
    local.seen.set(ID, { id: ID, at: 60_000, stamp: 1 });
    incoming.seen.set(ID, { id: ID, at: 60_000, stamp: 1 });
    incoming.seen.set(other, { id: other, stamp: 4 });
    const first = mergeState(local, incoming);
    expect(first.papers.map((p) => p.id)).toEqual([other]);
    expect(first.tags).toHaveLength(1);
    expect(first.seen).toEqual([{ id: other, stamp: 4 }]);
    const again = mergeState(local, incoming);
    expect(again).toEqual({ papers: [], tags: [], rules: [], settings: [], seen: [] });
  });
});

// Small stamp and value ranges, so ties and tombstones are common.
const stamp = fc.integer({ min: 1, max: 6 });
const tagName = fc.constantFrom('a', 'b', 'c', '__proto__');
const arbitraryPaper: fc.Arbitrary<MergeablePaper> = fc
  .record({
    star: fc.option(fc.tuple(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), stamp), { nil: undefined }),
    hide: fc.option(fc.tuple(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), stamp), { nil: undefined }),
    seen: fc.option(fc.tuple(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), stamp), { nil: undefined }),
    note: fc.option(fc.tuple(fc.option(fc.constantFrom('x', 'y', 'zz'), { nil: undefined }), stamp), { nil: undefined }),
    tags: fc.uniqueArray(fc.tuple(tagName, fc.boolean(), stamp), { selector: ([name]) => name }),
    updatedAt: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ star, hide, seen, note, tags, updatedAt }) => {
    const record: MergeablePaper = { id: ID, tags: tags.filter(([, on]) => on).map(([name]) => name), updatedAt };
    const stamps: NonNullable<MergeablePaper['stamps']> = {};
    if (star) [record.starredAt, stamps.star] = star;
    if (hide) [record.hiddenAt, stamps.hide] = hide;
    if (seen) [record.seenAt, stamps.seen] = seen;
    if (note) [record.note, stamps.note] = note;
    if (tags.length > 0) stamps.tags = Object.fromEntries(tags.map(([name, , s]) => [name, s]));
    for (const key of ['starredAt', 'hiddenAt', 'seenAt', 'note'] as const) if (record[key] === undefined) delete record[key];
    record.stamps = stamps;
    return record;
  });

const arbitrarySeen: fc.Arbitrary<SeenEntry> = fc
  .record({ at: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), stamp })
  .map(({ at, stamp: s }) => (at === undefined ? { id: ID, stamp: s } : { id: ID, at, stamp: s }));

/** What replicates of a seen mark: whether it is set, and its stamp. */
const seenView = (mark: SeenEntry) => canonicalJson({ on: mark.at !== undefined, stamp: mark.stamp });

describe('mergeSeenEntry', () => {
  it('takes a later unmark over an earlier mark, and a later mark over the unmark', () => {
    const mark = { id: ID, at: 5 * 60_000, stamp: 5 };
    const unmark = { id: ID, stamp: 6 };
    const again = { id: ID, at: 7 * 60_000, stamp: 7 };
    expect(mergeSeenEntry(mark, unmark)).toEqual(unmark);
    expect(mergeSeenEntry(unmark, mark)).toEqual(unmark);
    expect(mergeSeenEntry(unmark, again)).toEqual(again);
  });

  it('keeps the first time either side saw the paper, with the later stamp', () => {
    const laptop = { id: ID, at: 5 * 60_000, stamp: 5 };
    const desktop = { id: ID, at: 9 * 60_000, stamp: 9 };
    for (const merged of [mergeSeenEntry(laptop, desktop), mergeSeenEntry(desktop, laptop)]) expect(merged).toEqual({ id: ID, at: 5 * 60_000, stamp: 9 });
  });

  it('is commutative, associative and idempotent in what replicates', () => {
    fc.assert(
      fc.property(arbitrarySeen, arbitrarySeen, arbitrarySeen, (a, b, c) => {
        expect(seenView(mergeSeenEntry(a, b))).toBe(seenView(mergeSeenEntry(b, a)));
        expect(seenView(mergeSeenEntry(mergeSeenEntry(a, b), c))).toBe(seenView(mergeSeenEntry(a, mergeSeenEntry(b, c))));
        const ab = mergeSeenEntry(a, b);
        expect(mergeSeenEntry(ab, ab)).toEqual(ab);
        expect(seenView(mergeSeenEntry(ab, b))).toBe(seenView(ab));
      }),
      { numRuns: 500 },
    );
  });
});

describe('merge laws (backup restore and sync share them)', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(arbitraryPaper, arbitraryPaper, arbitraryPaper, (a, b, c) => {
        expect(view(mergePaper(a, b))).toBe(view(mergePaper(b, a)));
        expect(view(mergePaper(mergePaper(a, b), c))).toBe(view(mergePaper(a, mergePaper(b, c))));
        const ab = mergePaper(a, b);
        expect(view(mergePaper(ab, b))).toBe(view(ab));
        expect(view(mergePaper(ab, ab))).toBe(view(ab));
      }),
      { numRuns: 500 },
    );
  });

  it('never loses a newer field: each field comes with the latest stamp either side has', () => {
    fc.assert(
      fc.property(arbitraryPaper, arbitraryPaper, (local, backup) => {
        const merged = mergePaper(local, backup);
        for (const [field, key] of [['star', 'starredAt'], ['hide', 'hiddenAt'], ['seen', 'seenAt'], ['note', 'note']] as const) {
          const l = local.stamps?.[field] ?? 0;
          const b = backup.stamps?.[field] ?? 0;
          expect(merged.stamps?.[field] ?? 0).toBe(Math.max(l, b));
          if (l > b) expect(merged[key]).toBe(local[key]);
          if (b > l) expect(merged[key] !== undefined).toBe(backup[key] !== undefined);
          if (b > l && key === 'note') expect(merged.note).toBe(backup.note);
        }
        for (const name of ['a', 'b', 'c', '__proto__']) {
          const l = Object.hasOwn(local.stamps?.tags ?? {}, name) ? local.stamps!.tags![name]! : 0;
          const b = Object.hasOwn(backup.stamps?.tags ?? {}, name) ? backup.stamps!.tags![name]! : 0;
          if (l > b) expect(merged.tags.includes(name)).toBe(local.tags.includes(name));
          if (b > l) expect(merged.tags.includes(name)).toBe(backup.tags.includes(name));
        }
      }),
      { numRuns: 500 },
    );
  });
});
