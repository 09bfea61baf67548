// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * `j` and `k` start from the entries on screen when the focused one is not (none yet, or the
 * reader scrolled away with the mouse), as the viewport measurement after each scrolled frame finds them.
 */
import { describe, expect, it } from 'vitest';
import { parseArxivPage } from '@/lib/arxiv/parse';
import { indexEntries } from '@/lib/overlay/entry-index';
import { createNavigator } from '@/lib/overlay/navigator';
import { watchOnScreen } from '@/lib/overlay/on-screen';
import { loadFixture } from '../fixtures/load-fixture';
import { fakeViewport } from './fake-viewport';

function setup() {
  const doc = loadFixture('list-new-cs.DC-2026-02-27.html');
  const entries = indexEntries(parseArxivPage(doc, 'https://arxiv.org/list/cs.DC/new'), doc);
  const viewport = fakeViewport(entries, { entryHeight: 160, viewportHeight: 800 });
  const controller = new AbortController();
  const onScreen = watchOnScreen(entries, doc, controller.signal, viewport.host);
  const left: number[] = [];
  const navigator = createNavigator(entries, { onLeave: (entry) => left.push(entry.index), isFilteredOut: () => false, onScreen });
  /** The reader scrolled so that exactly entries `from`…`to` are on screen (`from` -1: the page header). */
  const scrollTo = (from: number, to: number) => {
    viewport.scrollToEntries(from, to);
    viewport.paint();
  };
  return { entries, navigator, scrollTo, left, viewport };
}

describe('the navigator with entries on screen', () => {
  it('reads a few boxes per measurement, not one per entry', () => {
    const { entries, scrollTo, viewport } = setup();
    expect(entries.entries.length).toBeGreaterThan(25);
    scrollTo(20, 24);
    expect(viewport.boxesRead()).toBeLessThan(entries.entries.length);
  });

  it('starts j at the first entry on screen and k at the last, not at entry 1', () => {
    const { navigator, scrollTo } = setup();
    scrollTo(20, 24);
    expect(navigator.step(1)?.index).toBe(20);
    navigator.clear();
    expect(navigator.step(-1)?.index).toBe(24);
  });

  it('walks on from the focused entry while it is on screen, also before the observer has seen it scroll in', () => {
    const { navigator, scrollTo, left } = setup();
    scrollTo(20, 24);
    expect([navigator.step(1), navigator.step(1), navigator.step(1)].map((entry) => entry?.index)).toEqual([20, 21, 22]);
    // Far below the screen: the keyboard scrolled it in; the observer has not said so yet.
    navigator.focus(navigator.step(1)!);
    expect(navigator.step(1)?.index).toBe(24);
    expect(navigator.step(1)?.index).toBe(25);
    expect(left).toEqual([20, 21, 22, 23, 24]);
  });

  it('after a mouse scroll away from the focused entry, j goes to the first entry on screen and marks the one left', () => {
    const { navigator, scrollTo, left } = setup();
    scrollTo(0, 4);
    navigator.step(1);
    navigator.step(1);
    scrollTo(15, 19);
    expect(navigator.step(1)?.index).toBe(15);
    expect(left).toEqual([0, 1]);
  });

  it('with nothing on screen (the page header or footer), moves on as before', () => {
    const { navigator, scrollTo } = setup();
    scrollTo(-1, -1);
    expect(navigator.step(1)?.index).toBe(0);
    expect(navigator.step(1)?.index).toBe(1);
  });
});
