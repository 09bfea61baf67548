// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { describe, expect, it } from 'vitest';
import { parseArxivPage } from '@/lib/arxiv/parse';
import type { ArxivId } from '@/lib/arxiv/types';
import { indexEntries } from '@/lib/overlay/entry-index';
import { syncEntryFlags } from '@/lib/overlay/entry-flags';
import { blankAnnotation, createListingState } from '@/lib/overlay/listing-state';
import { loadFixture } from '../fixtures/load-fixture';

const URL = 'https://arxiv.org/list/cs.DC/new';
const ZELASKO = '2602.22434' as ArxivId;
const FIRST = '2602.22290' as ArxivId;

function setUp() {
  const doc = loadFixture('list-new-cs.DC-2026-02-27.html');
  const pristine = doc.body.cloneNode(true);
  const page = parseArxivPage(doc, URL);
  const entries = indexEntries(page, doc);
  return { doc, pristine, page, entries };
}

describe('indexEntries', () => {
  it('gives every entry one controls span and finds the entry of any node inside it', () => {
    const { doc, entries } = setUp();
    expect(entries.entries).toHaveLength(29);
    expect(doc.querySelectorAll('dt > .sift-controls')).toHaveLength(29);
    const zelasko = entries.byId(ZELASKO)[0]!;
    const authorLink = zelasko.nodes[1]!.querySelector('div.list-authors a')!;
    expect(entries.entryOf(authorLink)).toBe(zelasko);
    expect(entries.entryOf(zelasko.controls)).toBe(zelasko);
    expect(entries.entryOf(doc.body)).toBeUndefined();
  });

  it("marks the controls with the catalogue's language, which need not be the page's", () => {
    const { doc } = setUp();
    const langs = new Set([...doc.querySelectorAll('.sift-controls')].map((controls) => controls.getAttribute('lang')));
    expect(langs).toEqual(new Set(['en']));
  });

  it('marks dt and dd with the id and section, and remove() restores the page exactly', () => {
    const { doc, pristine, entries } = setUp();
    expect(doc.querySelectorAll(`[data-sift-entry="${FIRST}"]`)).toHaveLength(2);
    expect(doc.querySelectorAll('[data-sift-section="cross"]')).toHaveLength(12);
    entries.remove();
    expect(doc.body.isEqualNode(pristine)).toBe(true);
  });
});

describe('syncEntryFlags', () => {
  it('writes starred, hidden, tags, new and matching flags on both nodes of changed entries only', () => {
    const { doc, entries } = setUp();
    const state = createListingState(entries.ids());
    const controller = new AbortController();
    syncEntryFlags(state, entries, controller.signal);
    state.applyAnnotations([FIRST, ZELASKO], {
      [FIRST]: { ...blankAnnotation(FIRST), starred: true, tags: ['to read', 'a&b'] },
      [ZELASKO]: { ...blankAnnotation(ZELASKO), hidden: true },
    });
    state.setSeen([ZELASKO], 1);
    state.setMatches(new Map([[FIRST, ['r1']]]));
    const [dt, dd] = entries.byId(FIRST)[0]!.nodes;
    for (const node of [dt!, dd!]) {
      expect(node.hasAttribute('data-sift-starred')).toBe(true);
      expect(node.hasAttribute('data-sift-match')).toBe(true);
      // Flagged as tagged, without the names: the page's scripts read these attributes too.
      expect(node.getAttribute('data-sift-tagged')).toBe('');
    }
    expect(doc.querySelectorAll('[data-sift-hidden]')).toHaveLength(2);
    expect(doc.querySelectorAll('[data-sift-collapsed]')).toHaveLength(2);
    // "Show hidden" takes the collapsed flag off the hidden entries; they stay flagged as hidden.
    state.toggleFilter('showHidden', true);
    expect(doc.querySelectorAll('[data-sift-collapsed]')).toHaveLength(0);
    expect(doc.querySelectorAll('[data-sift-hidden]')).toHaveLength(2);
    state.toggleFilter('showHidden', false);
    expect(doc.querySelectorAll('[data-sift-collapsed]')).toHaveLength(2);
    expect(doc.querySelectorAll('[data-sift-seen]')).toHaveLength(2);
    expect(doc.querySelectorAll('[data-sift-starred]')).toHaveLength(2);

    state.putAnnotation({ ...blankAnnotation(FIRST), starred: false });
    expect(doc.querySelectorAll('[data-sift-starred], [data-sift-tagged]')).toHaveLength(0);
    controller.abort();
  });

});
