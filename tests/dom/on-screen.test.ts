// @vitest-environment happy-dom
/**
 * Which entries are on screen, measured after a painted frame by a binary search over the
 * entries' boxes instead of an IntersectionObserver per entry (which cost 4–8 ms of every
 * scrolled frame on 2,000 entries).
 */
import { describe, expect, it } from 'vitest';
import type { Entry, EntryIndex } from '@/lib/overlay/entry-index';
import { entriesInView, visibleHeight, watchOnScreen } from '@/lib/overlay/on-screen';
import { fakeViewport } from './fake-viewport';

function listing(count: number): EntryIndex {
  const entries = Array.from({ length: count }, (_, index) => ({ index, nodes: [document.createElement('dt'), document.createElement('dd')] }) as unknown as Entry);
  const dl = document.createElement('dl');
  for (const entry of entries) dl.append(...entry.nodes);
  return { entries } as unknown as EntryIndex;
}

describe('entriesInView', () => {
  it('finds the entries in view among 2,000 from a few dozen boxes', () => {
    const entries = listing(2000);
    const viewport = fakeViewport(entries, { entryHeight: 100, viewportHeight: 800 });
    viewport.scrollToEntries(1500, 1507);
    const inView = entriesInView(entries.entries, 0, viewport.host.window.innerHeight, viewport.host.boxOf);
    // 1499's dd reaches below the viewport's top, which the toolbar allowance left above 1500.
    expect(inView.map(({ entry }) => entry.index)).toEqual([1499, 1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507]);
    expect(viewport.boxesRead()).toBeLessThan(80);
  });

  it('passes over entries a filter took off the page, wherever the search lands', () => {
    const entries = listing(2000);
    const viewport = fakeViewport(entries, { entryHeight: 100, viewportHeight: 800 });
    const kept = [3, 700, 701, 1998];
    viewport.setOut(entries.entries.map((entry) => entry.index).filter((index) => !kept.includes(index)));
    viewport.scrollToEntries(1, 2);
    expect(entriesInView(entries.entries, 0, viewport.host.window.innerHeight, viewport.host.boxOf).map(({ entry }) => entry.index)).toEqual([3, 700, 701]);
    viewport.setOut(entries.entries.map((entry) => entry.index));
    expect(entriesInView(entries.entries, 0, 800, viewport.host.boxOf)).toEqual([]);
  });

  it('finds nothing when the viewport shows only the page above the listing', () => {
    const entries = listing(50);
    const viewport = fakeViewport(entries, { entryHeight: 100, viewportHeight: 800 });
    viewport.scrollToEntries(-1, -1);
    expect(entriesInView(entries.entries, 0, 800, viewport.host.boxOf)).toEqual([]);
  });
});

describe('visibleHeight', () => {
  it('counts the pixels of a box between the two edges, and none for a box outside them', () => {
    expect(visibleHeight({ top: -20, bottom: 30 }, 0, 800)).toBe(30);
    expect(visibleHeight({ top: 780, bottom: 900 }, 48, 800)).toBe(20);
    expect(visibleHeight({ top: 100, bottom: 200 }, 48, 800)).toBe(100);
    expect(visibleHeight({ top: 0, bottom: 40 }, 48, 800)).toBe(0);
  });
});

describe('watchOnScreen', () => {
  it('measures once after the next paint however many scroll events came, and not before', () => {
    const entries = listing(100);
    const viewport = fakeViewport(entries, { entryHeight: 100, viewportHeight: 800 });
    const controller = new AbortController();
    viewport.scrollToEntries(0, 4);
    const onScreen = watchOnScreen(entries, document, controller.signal, viewport.host);
    viewport.paint();
    expect(onScreen.has(0)).toBe(true);
    const measured: number[][] = [];
    onScreen.watch((inView) => measured.push(inView.map(({ entry }) => entry.index)), controller.signal);
    for (let step = 0; step < 10; step++) viewport.scrollToEntries(40 + step, 45 + step);
    expect(onScreen.has(49)).toBe(false);
    viewport.paint();
    expect(measured).toHaveLength(1);
    expect([48, 49, 54].map((index) => onScreen.has(index))).toEqual([false, true, true]);
    expect(onScreen.has(0)).toBe(false);
  });

  it('measures again when the listing reflows without a scroll, as when a filter takes entries away', () => {
    const entries = listing(100);
    const viewport = fakeViewport(entries, { entryHeight: 100, viewportHeight: 800 });
    const onScreen = watchOnScreen(entries, document, new AbortController().signal, viewport.host);
    viewport.scrollToEntries(10, 14);
    viewport.paint();
    viewport.setOut(Array.from({ length: 50 }, (_, index) => index));
    viewport.paint();
    expect(onScreen.has(10)).toBe(false);
    expect(onScreen.has(60)).toBe(true);
  });

  it('counts an entry the keyboard scrolled in as on screen until the next measurement', () => {
    const entries = listing(100);
    const viewport = fakeViewport(entries, { entryHeight: 100, viewportHeight: 800 });
    const onScreen = watchOnScreen(entries, document, new AbortController().signal, viewport.host);
    viewport.paint();
    onScreen.shown(90);
    expect(onScreen.has(90)).toBe(true);
    viewport.scrollToEntries(0, 4);
    viewport.paint();
    expect(onScreen.has(90)).toBe(false);
  });

  it('stops telling a listener once its signal aborts, and stops measuring once its own does', () => {
    const entries = listing(100);
    const viewport = fakeViewport(entries, { entryHeight: 100, viewportHeight: 800 });
    const page = new AbortController();
    const listener = new AbortController();
    const onScreen = watchOnScreen(entries, document, page.signal, viewport.host);
    let calls = 0;
    onScreen.watch(() => calls++, listener.signal);
    viewport.paint();
    expect(calls).toBe(1);
    listener.abort();
    viewport.scrollToEntries(30, 34);
    viewport.paint();
    expect(calls).toBe(1);
    expect(onScreen.has(30)).toBe(true);
    page.abort();
    viewport.scrollToEntries(60, 64);
    viewport.paint();
    expect(onScreen.has(60)).toBe(false);
  });
});
