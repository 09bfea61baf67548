// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { parseArxivPage } from '@/lib/arxiv/parse';
import { indexEntries } from '@/lib/overlay/entry-index';
import { createNavigator } from '@/lib/overlay/navigator';
import { loadFixture } from '../fixtures/load-fixture';

describe('the navigator with an on-screen order', () => {
  it('walks the order it is given, and arXiv order without one', () => {
    const doc = loadFixture('list-new-cs.DC-2026-02-27.html');
    const entries = indexEntries(parseArxivPage(doc, 'https://arxiv.org/list/cs.DC/new'), doc);
    const order = signal<readonly number[] | undefined>([2, 0, 1, ...entries.entries.slice(3).map((entry) => entry.index)]);
    const left: number[] = [];
    const navigator = createNavigator(entries, { onLeave: (entry) => left.push(entry.index), isFilteredOut: () => false, order });
    expect([navigator.step(1), navigator.step(1), navigator.step(1), navigator.step(-1)].map((entry) => entry?.index)).toEqual([2, 0, 1, 0]);
    expect(left).toEqual([2, 0, 1]);
    order.value = undefined;
    expect(navigator.step(1)?.index).toBe(1);
    expect(navigator.nextUnseen((id) => id === entries.entries[0]!.paper.id)?.index).toBe(0);
  });

  it('skips the entries the state filters out, without asking the page for layout', () => {
    const doc = loadFixture('list-new-cs.DC-2026-02-27.html');
    const entries = indexEntries(parseArxivPage(doc, 'https://arxiv.org/list/cs.DC/new'), doc);
    // Layout would say every entry is there (a filter's verdict may not be on the page yet).
    for (const entry of entries.entries) {
      Object.defineProperty(entry.nodes[0], 'offsetParent', { get: () => expect.unreachable('navigator read layout') });
    }
    const out = new Set([1, 2, 4]);
    const navigator = createNavigator(entries, { onLeave: () => undefined, isFilteredOut: (index) => out.has(index) });
    expect([navigator.step(1), navigator.step(1), navigator.step(1), navigator.step(-1)].map((entry) => entry?.index)).toEqual([0, 3, 5, 3]);
  });
});
