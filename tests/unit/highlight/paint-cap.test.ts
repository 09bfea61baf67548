// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldElementsOf, type FieldElements } from '../../../lib/highlight/fields';
import { parseArxivPage } from '../../../lib/arxiv/parse';
import { highlightName, MAX_PAINTED_RANGES, paintHighlights } from '../../../lib/highlight/paint';
import { compileRules } from '../../../lib/rules/compile';
import { fakeSupport } from './fake-highlight';
import { loadFixture } from '../../fixtures/load-fixture';
import { makeRule } from '../rules/make-rule';

const sections = [...loadFixture('list-new-cs.DC-2026-02-27.html').querySelectorAll('dl#articles')];


const painted = (support: ReturnType<typeof fakeSupport>) => [...support.registry.values()].flatMap((highlight) => highlight.ranges);

/** The index of the entry whose fields hold `node`. */
function entryOf(node: Node, entries: readonly FieldElements[]): number {
  return entries.findIndex((fields) => Object.values(fields).some((elements) => elements.some((element) => element.contains(node))));
}

// Two rules in two colours that match all over a listing: the common words of its abstracts.
const compiled = compileRules([
  makeRule({ id: 'the', pattern: 'the', mode: 'word', color: '#ff0000' }),
  makeRule({ id: 'and', pattern: 'and', mode: 'word', color: '#00ff00' }),
]);

let entries: FieldElements[];

beforeEach(() => {
  document.body.replaceChildren(...sections.map((dl) => document.importNode(dl, true)));
  entries = parseArxivPage(document, 'https://arxiv.org/list/cs.DC/new').papers.map((paper) => fieldElementsOf(paper.element.fields));
});

describe('the cap on painted ranges', () => {
  it(`paints every match under the cap (${MAX_PAINTED_RANGES.toLocaleString('en')} by default) and says nothing`, () => {
    const support = fakeSupport();
    const firstEntry = vi.fn(() => 5);
    const result = paintHighlights(entries, compiled, support, { firstEntry });
    expect(result.found).toBeGreaterThan(200);
    expect(result.ranges).toBe(result.found);
    expect(painted(support)).toHaveLength(result.found);
    expect(result.notice).toBeUndefined();
    // Finding the entry on screen reads layout: not done when nothing is left out.
    expect(firstEntry).not.toHaveBeenCalled();
  });

  it('paints at most the cap, yet counts every match and lists every matched entry for "only matching"', () => {
    const whole = paintHighlights(entries, compiled, fakeSupport());
    const support = fakeSupport();
    const capped = paintHighlights(entries, compiled, support, { maxRanges: 40 });
    expect(capped.ranges).toBe(40);
    expect(painted(support)).toHaveLength(40);
    expect(capped.found).toBe(whole.found);
    expect(capped.matches).toEqual(whole.matches);
    expect(capped.matches.length).toBeGreaterThan(15);
    // From the top of the page: the painted ranges are the first entries' matches.
    const paintedEntries = new Set(painted(support).map((range) => entryOf(range.startContainer, entries)));
    expect(Math.max(...paintedEntries)).toBeLessThan(entries.length / 2);
    expect(paintedEntries.has(capped.matches[0]!.index)).toBe(true);
  });

  it('says in words how many matches it painted, of how many, and that the filter still counts them all', () => {
    const result = paintHighlights(entries, compiled, fakeSupport(), { maxRanges: 40 });
    expect(result.notice).toBe(
      `Sift highlighted 40 of the ${result.found} rule matches on this page, from the top of the page: more would make the page unresponsive. ` +
        '"Only matching" still counts every matching entry; make broad rules more specific to see every match.',
    );
  });

  it('paints from the entry on screen onward when the cap bites, then wraps round to the entries above', () => {
    const support = fakeSupport();
    const result = paintHighlights(entries, compiled, support, { maxRanges: 40, firstEntry: () => 12 });
    expect(result.ranges).toBe(40);
    const order = painted(support).map((range) => entryOf(range.startContainer, entries));
    expect(Math.min(...order)).toBeGreaterThanOrEqual(12);
    expect(result.notice).toMatch(/^Sift highlighted 40 of the \d+ rule matches on this page, from the entry on screen onward:/);

    const wrapped = fakeSupport();
    const last = entries.length - 1;
    paintHighlights(entries, compiled, wrapped, { maxRanges: 40, firstEntry: () => last });
    const wrappedOrder = new Set(painted(wrapped).map((range) => entryOf(range.startContainer, entries)));
    expect(wrappedOrder.has(0)).toBe(true);
    expect([...wrappedOrder].every((index) => index === last || index < entries.length / 2)).toBe(true);
  });

  it('keeps each colour in its own highlight when capped', () => {
    const support = fakeSupport();
    paintHighlights(entries, compiled, support, { maxRanges: 60 });
    expect([...support.registry.keys()].sort()).toEqual([highlightName(0), highlightName(1)]);
  });

  it('in fallback mode (no Highlight API) paints no ranges and has nothing to cap', () => {
    const result = paintHighlights(entries, compiled, null, { maxRanges: 1 });
    expect(result.mode).toBe('fallback');
    expect(result.notice).toBeUndefined();
    expect(result.matches.length).toBeGreaterThan(15);
  });
});
