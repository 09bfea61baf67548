// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * A filter's verdicts reach the page screen first: the first pass settles the entries from the
 * first one on screen down, the rest follow in idle slices outwards from there.
 */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { parseArxivPage } from '@/lib/arxiv/parse';
import type { ArxivId } from '@/lib/arxiv/types';
import { syncEntryDisplay, type EntryDisplayOptions, type IdleScheduler } from '@/lib/overlay/entry-display';
import { indexEntries, type EntryIndex } from '@/lib/overlay/entry-index';
import { createListingState } from '@/lib/overlay/listing-state';
import { visibilityOf } from '@/lib/overlay/visibility';
import { loadFixture, parseHtml, readFixture } from '../fixtures/load-fixture';
import { makeListing } from '../fixtures/make-listing';

const URL = 'https://arxiv.org/list/cs.DC/new';

/** A scheduler that runs nothing until the test says so. */
function manualScheduler() {
  const queue: (() => void)[] = [];
  const schedule: IdleScheduler = (work) => {
    queue.push(work);
    return () => queue.splice(queue.indexOf(work), 1);
  };
  return {
    schedule,
    pending: () => queue.length,
    /** Runs one idle slice; answers whether there was one. */
    step: () => {
      const work = queue.shift();
      work?.();
      return work !== undefined;
    },
  };
}

/** Entry indices whose nodes carry the flag, checking that an entry's dt and dd always agree. */
function flagged(entries: EntryIndex): number[] {
  return entries.entries.flatMap((entry) => {
    const flags = entry.nodes.map((node) => node.hasAttribute('data-sift-out'));
    expect(new Set(flags).size).toBe(1);
    return flags[0] ? [entry.index] : [];
  });
}

/** 600 entries (more than one pass writes) under syncEntryDisplay, with idle slices run by hand. */
function big(options: Partial<Pick<EntryDisplayOptions, 'order' | 'onScreen'>> = {}) {
  const doc = parseHtml(makeListing(readFixture('list-new-cs.DC-2026-02-27.html'), 600));
  const entries = indexEntries(parseArxivPage(doc, URL), doc);
  const idle = manualScheduler();
  const life = new AbortController();
  const filteredOut = signal<ReadonlySet<number>>(new Set());
  syncEntryDisplay(entries, { ...options, filteredOut, signal: life.signal, schedule: idle.schedule });
  return { entries, idle, life, filteredOut, indices: entries.entries.map((entry) => entry.index) };
}

describe('syncEntryDisplay', () => {
  it('takes the entries the text filter misses off the page, and puts them back when it empties', () => {
    const doc = loadFixture('list-new-cs.DC-2026-02-27.html');
    const entries = indexEntries(parseArxivPage(doc, URL), doc);
    const state = createListingState(entries.ids());
    syncEntryDisplay(entries, { filteredOut: visibilityOf(state, entries).filteredOut, signal: new AbortController().signal, schedule: manualScheduler().schedule });
    state.setTextFilter('zelasko');
    const shown = [...doc.querySelectorAll('dt:not([data-sift-out])')].map((dt) => dt.getAttribute('data-sift-entry'));
    expect(shown).toEqual(['2602.22434' as ArxivId]);
    state.setTextFilter('');
    expect(doc.querySelectorAll('[data-sift-out]')).toHaveLength(0);
  });

  it('settles a screenful from the first entry on screen in the first pass, and the rest outwards in idle slices', () => {
    const { entries, idle, filteredOut, indices } = big({ onScreen: new Set([300, 301, 302]) });
    expect(idle.pending()).toBe(0);

    // Every other entry leaves: 300 changes, too many for one frame.
    const out = new Set(indices.filter((index) => index % 2 === 1));
    filteredOut.value = out;
    const first = flagged(entries);
    // Three above the screen, then down until 30 entries that stay have been passed (300, 302 … 358).
    expect(first).toEqual([297, 299, ...Array.from({ length: 29 }, (_, i) => 301 + 2 * i)]);

    idle.step();
    const second = flagged(entries).filter((index) => !first.includes(index));
    // Outwards: one below for each one above, so the slice reaches both sides of the screen before the ends.
    expect(second).toContain(295);
    expect(second).toContain(359);
    expect(second).not.toContain(1);
    expect(second).not.toContain(599);

    while (idle.step());
    expect(flagged(entries)).toEqual([...out]);
  });

  it('hides the whole listing below the screen in the first pass when few entries stay, and above it until a screenful stays', () => {
    const { entries, idle, filteredOut, indices } = big({ onScreen: new Set([300]) });
    // One entry in a hundred stays: three below the screen, so the page shrinks and the
    // browser scrolls up to what stays above it.
    const out = new Set(indices.filter((index) => index % 100 !== 0));
    filteredOut.value = out;
    expect(flagged(entries)).toEqual([...out]);
    expect(idle.pending()).toBe(0);

    // One in fifteen stays: 20 below, so the pass goes up until 10 more have been passed (to 150).
    const fewer = new Set(indices.filter((index) => index % 15 !== 0));
    filteredOut.value = new Set();
    while (idle.step());
    filteredOut.value = fewer;
    expect(flagged(entries)).toEqual([...fewer].filter((index) => index > 150));
    while (idle.step());
    expect(flagged(entries)).toEqual([...fewer]);
  });

  it('starts over from the screen when the verdicts change before the slices finish', () => {
    const { entries, idle, filteredOut, indices } = big();
    filteredOut.value = new Set(indices.filter((index) => index % 2 === 1));
    idle.step();
    expect(flagged(entries).length).toBeGreaterThan(0);
    // The reader switched to the other half before the slices finished.
    const even = indices.filter((index) => index % 2 === 0);
    filteredOut.value = new Set(even);
    expect(idle.pending()).toBe(1);
    while (idle.step());
    expect(flagged(entries)).toEqual(even);
  });

  it('walks the on-screen order when "For you" moved the entries', () => {
    const reversed = [...Array(600).keys()].reverse();
    const { entries, idle, filteredOut } = big({ order: signal(reversed), onScreen: new Set([599]) });
    filteredOut.value = new Set(reversed.filter((index) => index % 2 === 1));
    // The screen starts at entry 599, and "down" from there is 598, 597…
    const first = flagged(entries);
    expect(first).toContain(599);
    expect(Math.min(...first)).toBeGreaterThan(530);
    while (idle.step());
    expect(flagged(entries)).toHaveLength(300);
  });

  it('takes every flag off when Sift leaves the page', () => {
    const { entries, idle, filteredOut, life, indices } = big();
    filteredOut.value = new Set(indices);
    idle.step();
    life.abort();
    expect(idle.pending()).toBe(0);
    expect(flagged(entries)).toEqual([]);
    filteredOut.value = new Set([5]);
    expect(flagged(entries)).toEqual([]);
  });
});
