// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { describe, expect, it } from 'vitest';
import { parseArxivPage } from '@/lib/arxiv/parse';
import { indexEntries } from '@/lib/overlay/entry-index';
import { arxivOrder, createReorderer, rankedOrder } from '@/lib/overlay/ranking-order';
import { loadFixture } from '../fixtures/load-fixture';

function setUp(fixture: string, url: string) {
  const doc = loadFixture(fixture);
  const page = parseArxivPage(doc, url);
  const entries = indexEntries(page, doc);
  // Blank text between elements stays put when entries move (see createReorderer).
  const markup = () => doc.body.innerHTML.replace(/>\s+</g, '><');
  const before = markup();
  const domIds = () => [...doc.querySelectorAll('[data-sift-entry]')].map((node) => node.getAttribute('data-sift-entry'));
  return { doc, page, entries, before, markup, domIds };
}

describe('rankedOrder', () => {
  it('orders by score within each group, groups in place, ties in arXiv order', () => {
    const a = {};
    const b = {};
    expect(rankedOrder([a, a, a, b, b], [0.1, 0.9, 0.1, 0, 0.5])).toEqual([1, 0, 2, 4, 3]);
  });

  it('puts entries without a score last in their group', () => {
    expect(rankedOrder(['g', 'g', 'g'], [0.2])).toEqual([0, 1, 2]);
    expect(rankedOrder(['g', 'g', 'g'], [-1, 0.5])).toEqual([1, 0, 2]);
  });
});

describe('createReorderer on a /new listing', () => {
  it('moves each entry within its own section, headings first, and restores every element to its place', () => {
    const { doc, page, entries, before, markup, domIds } = setUp('list-new-cs.DC-2026-02-27.html', 'https://arxiv.org/list/cs.DC/new');
    const reorderer = createReorderer(entries.entries, doc);
    const scores = entries.entries.map((entry) => entry.index);
    const order = rankedOrder(reorderer.groups, scores);
    reorderer.apply(order);
    const expected = order.flatMap((index) => [page.papers[index]!.id, page.papers[index]!.id]);
    expect(domIds()).toEqual(expected);
    // Each section's dl still opens with its heading and holds only its own entries.
    for (const dl of doc.querySelectorAll('dl#articles')) {
      expect(dl.firstElementChild?.tagName).toBe('H3');
      expect(new Set([...dl.querySelectorAll('[data-sift-section]')].map((node) => node.getAttribute('data-sift-section'))).size).toBe(1);
    }
    expect(domIds()).not.toEqual(arxivOrder(entries.entries.length).flatMap((index) => [page.papers[index]!.id, page.papers[index]!.id]));
    reorderer.restore();
    expect(markup()).toBe(before);
  });
});

describe('createReorderer on search results', () => {
  it('reorders the list items and restores them', () => {
    const { doc, entries, before, markup } = setUp('search-results.html', 'https://arxiv.org/search/?query=consensus&searchtype=all');
    expect(entries.entries.length).toBeGreaterThan(2);
    const reorderer = createReorderer(entries.entries, doc);
    const order = rankedOrder(reorderer.groups, entries.entries.map((entry) => entry.index));
    reorderer.apply(order);
    const shown = [...doc.querySelectorAll('li[data-sift-entry]')].map((node) => node.getAttribute('data-sift-entry'));
    expect(shown).toEqual(order.map((index) => entries.entries[index]!.paper.id));
    expect(shown[0]).toBe(entries.entries.at(-1)!.paper.id);
    reorderer.restore();
    expect(markup()).toBe(before);
  });
});
