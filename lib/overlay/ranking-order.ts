/**
 * "For you" on the page: the on-screen order of the entries by score, and moving their DOM nodes
 * into it and back to arXiv's order exactly.
 *
 * The order is by score within each entry's own group, never across groups: on a `/new` listing
 * each section (new submissions, cross-lists, replacements) is its own `dl` and keeps its place
 * and heading, so a cross-list never lands among the new submissions; on a search page the one
 * `ol` is the only group. Sections staying is the choice made for the "cross-lists and
 * replacements follow the same order as new papers, or their sections": the reader still sees
 * which papers are new today.
 */
import type { Entry } from './entry-index';

/** arXiv's own order: entry indices as the page listed them. */
export function arxivOrder(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

/**
 * Entry indices in "For you" order: the groups in their page order, and within each group the
 * entries by `scores[index]` highest first, ties (and missing scores) in arXiv's order. `groupOf`
 * names each entry's group (its `dl` and section); a group's entries need not be adjacent.
 *
 * @example rankedOrder(['new', 'new', 'cross'], [0.1, 0.9, 0.5]) → [1, 0, 2]
 */
export function rankedOrder(groupOf: readonly unknown[], scores: ArrayLike<number>): number[] {
  const groups = new Map<unknown, number[]>();
  groupOf.forEach((group, index) => {
    const members = groups.get(group);
    if (members) members.push(index);
    else groups.set(group, [index]);
  });
  const score = (index: number) => (index < scores.length ? (scores[index] ?? -Infinity) : -Infinity);
  return [...groups.values()].flatMap((members) => members.slice().sort((a, b) => score(b) - score(a) || a - b));
}

/** `moveBefore` (Chromium 133+): moves a node without taking it out of the document first. */
interface AtomicMove {
  moveBefore(node: Node, child: Node | null): void;
}

/** Moves entries on the page into an order, and back. */
export interface Reorderer {
  /** The group of each entry, by index, for `rankedOrder`. */
  readonly groups: readonly unknown[];
  /** Puts each group's entries in the order they appear in `order` (indices of `entries`). */
  apply(order: readonly number[]): void;
  /** Back to arXiv's order and takes its markers away. */
  restore(): void;
}

/**
 * A reorderer for `entries`. A group is the parent element of an entry's first node (a `dl`, an
 * `ol`) together with its section; each group gets an empty comment after its last entry as
 * anchor, and every apply re-inserts the group's elements before it, in one fragment per group,
 * so whatever precedes the entries in their container (a section's heading) stays first. Entries
 * are adjacent within their group on every arXiv page, so arXiv's order restores every element
 * to its place. Only elements move: the blank text between them stays where it was (it renders
 * as nothing in a `dl` or `ol`), since moving text would read to the MathJax watcher
 * (lib/highlight/typesetting.ts) as a rewrite and repaint every highlight of the page.
 */
export function createReorderer(entries: readonly Entry[], doc: Document): Reorderer {
  const keys = new Map<Node, Map<string, object>>();
  const groups = entries.map((entry) => {
    const parent = entry.nodes[0]?.parentNode ?? doc;
    let bySection = keys.get(parent);
    if (!bySection) keys.set(parent, (bySection = new Map()));
    let key = bySection.get(entry.paper.section);
    if (!key) bySection.set(entry.paper.section, (key = {}));
    return key;
  });
  let anchors: Map<object, Comment> | undefined;

  function anchorsOf(): Map<object, Comment> {
    if (anchors) return anchors;
    anchors = new Map();
    for (let index = entries.length - 1; index >= 0; index--) {
      const group = groups[index] as object;
      const last = entries[index]?.nodes.at(-1);
      if (anchors.has(group) || !last?.parentNode) continue;
      const anchor = doc.createComment('');
      last.parentNode.insertBefore(anchor, last.nextSibling);
      anchors.set(group, anchor);
    }
    return anchors;
  }

  function apply(order: readonly number[]): void {
    const marks = anchorsOf();
    for (const index of order) {
      const entry = entries[index];
      const anchor = marks.get(groups[index] as object);
      const parent = anchor?.parentNode as (ParentNode & Partial<AtomicMove>) | null | undefined;
      if (!entry || !anchor || !parent) continue;
      for (const node of entry.nodes) {
        if (parent.moveBefore) parent.moveBefore(node, anchor);
        else parent.insertBefore(node, anchor);
      }
    }
  }

  return {
    groups,
    apply,
    restore() {
      if (!anchors) return;
      apply(arxivOrder(entries.length));
      for (const anchor of anchors.values()) anchor.remove();
      anchors = undefined;
    },
  };
}
