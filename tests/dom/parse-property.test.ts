// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isArxivId } from '../../lib/arxiv/ids';
import { parseArxivPage, type ArxivPage } from '../../lib/arxiv/parse';
import { parseHtml, readFixture } from '../fixtures/load-fixture';

/**
 * Damaged pages: the fixtures with nodes dropped, duplicated, moved, attributes removed and text
 * or markup cut short. Whatever the damage, the parser must not throw, every paper must have a
 * valid id, and papers plus problems must account for every entry on the page.
 */

const FIXTURES = [
  ['list-new-cs.DC-2026-02-27.html', 'https://arxiv.org/list/cs.DC/new'],
  ['list-recent-cs.DC.html', 'https://arxiv.org/list/cs.DC/recent'],
  ['list-pastweek-cs.DC-paged.html', 'https://arxiv.org/list/cs.DC/pastweek?skip=25&show=25'],
  ['list-month-math-0601.html', 'https://arxiv.org/list/math/0601'],
  ['catchup-cs.DC.html', 'https://arxiv.org/catchup/cs.DC/2026-02-27?abs=True'],
  ['edge-cases-new.html', 'https://arxiv.org/list/cs.DC/new'],
  ['list-malformed-cs.DC.html', 'https://arxiv.org/list/cs.DC/new'],
  ['list-new-classic-cs.DC.html', 'https://arxiv.org/list/cs.DC/new'],
  ['search-results.html', 'https://arxiv.org/search/?query=distributed&searchtype=all'],
  ['abs-2602.22195.html', 'https://arxiv.org/abs/2602.22195'],
  ['abs-math-0601001.html', 'https://arxiv.org/abs/math/0601001'],
] as const;

const SOURCES = new Map<string, string>(FIXTURES.map(([file]) => [file, readFixture(file)]));

function sourceOf(file: string): string {
  const source = SOURCES.get(file);
  if (source === undefined) throw new Error(`fixture ${file} not loaded`);
  return source;
}

/** Nodes a mutation may hit: entry-level nodes and everything inside entries. */
const TARGETS = 'dl > *, dl > div > *, dt *, dd *, ol > li, li.arxiv-result *, #abs, #abs *';

type Mutation =
  | { op: 'drop' | 'duplicate' | 'stripAttributes'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'truncateText'; at: number; keep: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'duplicate' as const, 'stripAttributes' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('truncateText' as const), at: fc.nat(), keep: fc.nat({ max: 40 }) }),
);

function apply(doc: Document, change: Mutation): void {
  const targets = doc.querySelectorAll(TARGETS);
  if (targets.length === 0) return;
  const target = targets[change.at % targets.length] as Element;
  switch (change.op) {
    case 'drop':
      target.remove();
      return;
    case 'duplicate':
      target.after(target.cloneNode(true));
      return;
    case 'stripAttributes':
      for (const name of target.getAttributeNames()) target.removeAttribute(name);
      return;
    case 'move': {
      const destination = targets[change.to % targets.length] as Element;
      if (destination !== target && !target.contains(destination)) destination.before(target);
      return;
    }
    case 'truncateText': {
      const walker = doc.createTreeWalker(target, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.nodeValue ?? '';
        if (text.trim() === '') continue;
        node.nodeValue = text.slice(0, change.keep % (text.length + 1));
        return;
      }
    }
  }
}

/**
 * Entries as the page's structure defines them, counted without the parser: a `<dt>` or a `<dd>`
 * with no `<dt>` waiting for it, among the children of each listing section (or of `<div>`
 * wrappers inside it); each search result; the abs page's one block.
 */
function entriesOn(doc: Document, page: ArxivPage): number {
  if (page.kind === 'search') return doc.querySelectorAll('li.arxiv-result').length;
  if (page.kind === 'abs') return 1;
  let containers = doc.querySelectorAll('dl[id="articles"]');
  if (containers.length === 0) containers = doc.querySelectorAll('#dlpage > dl');
  let entries = 0;
  for (const container of containers) {
    let waiting = false;
    const count = (parent: Element): void => {
      for (const child of parent.children) {
        if (child.localName === 'dt') {
          entries += 1;
          waiting = true;
        } else if (child.localName === 'dd') {
          if (!waiting) entries += 1;
          waiting = false;
        } else if (child.localName === 'div') {
          count(child);
        }
      }
    };
    count(container);
  }
  return entries;
}

function checkInvariants(doc: Document, url: string): void {
  let page: ArxivPage | undefined;
  expect(() => {
    page = parseArxivPage(doc, url);
  }).not.toThrow();
  if (!page) return;
  for (const paper of page.papers) {
    expect(isArxivId(paper.id), paper.id).toBe(true);
    expect(paper.element.nodes).toContain(paper.element.head);
  }
  expect(page.papers.length + page.problems.length).toBe(entriesOn(doc, page));
  const indexes = page.problems.map((problem) => problem.index);
  expect(new Set(indexes).size).toBe(indexes.length);
  for (const index of indexes) expect(index).toBeLessThan(page.papers.length + page.problems.length);
}

describe('parseArxivPage on damaged pages', () => {
  it('never throws, keeps ids valid and accounts for every entry when nodes are mutated', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 12 }), ([file, url], changes) => {
        const doc = parseHtml(sourceOf(file));
        for (const change of changes) apply(doc, change);
        checkInvariants(doc, url);
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('never throws, keeps ids valid and accounts for every entry when the markup is cut short', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.double({ min: 0, max: 1, noNaN: true }), ([file, url], fraction) => {
        const source = sourceOf(file);
        checkInvariants(parseHtml(source.slice(0, Math.floor(source.length * fraction))), url);
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
