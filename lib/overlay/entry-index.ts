import type { ArxivId, ArxivPage, PageKind, Paper } from '@/lib/arxiv/types';
import { PAGE_KINDS, traitsOf, type PageKindTraits } from '@/lib/arxiv/page-kinds';
import { controlsLayout, type ControlsLayout } from './entry-controls';

/**
 * The overlay's handle on each listing entry: its paper, its DOM nodes and the light mount point
 * that per-entry controls go into. Entries are plain DOM, not framework roots: a listing can hold
 * 2000 of them, and a span with a few buttons costs a fraction of a Preact root each.
 */
export interface Entry {
  index: number;
  paper: Paper;
  nodes: readonly Element[];
  controls: HTMLElement;
  /** The id of the entry's title element, so its buttons are described by the paper they act on. */
  titleId?: string;
}

export interface EntryIndex {
  readonly entries: readonly Entry[];
  byId(id: ArxivId): readonly Entry[];
  /** The entry a node belongs to (event delegation), if any. */
  entryOf(node: EventTarget | null): Entry | undefined;
  ids(): ArxivId[];
  remove(): void;
}

export const ENTRY_ATTR = 'data-sift-entry';
const SECTION_ATTR = 'data-sift-section';
const TITLE_ID_PREFIX = 'sift-title-';

/** Marks an entry's nodes with its id and section, for the filter stylesheet and event delegation. */
function markNodes(paper: Paper): void {
  for (const node of paper.element.nodes) {
    node.setAttribute(ENTRY_ATTR, paper.id);
    node.setAttribute(SECTION_ATTR, paper.section);
  }
}

const placementOf = (kind: PageKind) => (traitsOf(kind) ?? PAGE_KINDS.new).controls;

/** Builds `paper`'s controls, puts them where its page kind wants them, and marks its nodes. */
function putControls(paper: Paper, layout: ControlsLayout, placement: PageKindTraits['controls'], titleId: string | undefined): HTMLElement {
  const controls = layout.build(paper, titleId);
  placeControls(paper.element.head, controls, placement);
  markNodes(paper);
  return controls;
}

/** Takes off everything `putControls` and the title id added, leaving the entry as arXiv sent it. */
function takeControlsOff(controls: HTMLElement, paper: Paper): void {
  controls.remove();
  const title = paper.element.fields.title;
  if (title?.id.startsWith(TITLE_ID_PREFIX)) title.removeAttribute('id');
  for (const node of paper.element.nodes) {
    for (const attr of node.getAttributeNames()) if (attr.startsWith('data-sift-')) node.removeAttribute(attr);
  }
}

/** Controls put into entries while the page streams in, for `indexEntries` to take over. */
export interface ControlsAhead {
  /** Builds and places the controls of `paper`, an entry just read. */
  place(paper: Paper): void;
  /** The controls placed for the entry whose head is `head`, handed over once. */
  take(head: Element): HTMLElement | undefined;
  /** Removes what was placed and never taken (an entry the parse did not keep, a page left unaugmented). */
  discard(): void;
}

export function controlsAhead(doc: Document, kind: PageKind, layout: ControlsLayout): ControlsAhead {
  const placement = placementOf(kind);
  const placed = new Map<Element, { controls: HTMLElement; paper: Paper }>();
  return {
    place(paper) {
      const head = paper.element.head;
      if (placed.has(head)) return;
      placed.set(head, { controls: putControls(paper, layout, placement, titleIdOf(paper, doc)), paper });
    },
    take(head) {
      const controls = placed.get(head)?.controls;
      placed.delete(head);
      return controls;
    },
    discard() {
      for (const { controls, paper } of placed.values()) takeControlsOff(controls, paper);
      placed.clear();
    },
  };
}

/** Gives the paper's title an id if it has none (arXiv's have none), unique on the page. */
function titleIdOf(paper: Paper, doc: Document): string | undefined {
  const title = paper.element.fields.title;
  if (!title) return undefined;
  if (title.id) return title.id;
  // A paper can be listed twice (a cross-list in two sections): the second gets a suffix.
  let id = `${TITLE_ID_PREFIX}${paper.id}`;
  for (let copy = 2; doc.getElementById(id); copy += 1) id = `${TITLE_ID_PREFIX}${paper.id}-${copy}`;
  title.id = id;
  return id;
}

export interface IndexOptions {
  /** The controls every entry gets; none (features add their own) when absent. */
  layout?: ControlsLayout;
  /** Controls placed while the page streamed in. */
  ahead?: ControlsAhead;
}

/**
 * Marks every entry's nodes (`data-sift-entry`, `data-sift-section`) so the filter stylesheet can
 * select them, and gives each entry its controls span: the one placed while the page streamed in,
 * or a new one. The page's own text and links are left as they were: everything added is removed
 * again by `remove()`, or when `signal` aborts.
 */
export function indexEntries(page: ArxivPage, doc: Document, signal?: AbortSignal, { layout = controlsLayout(doc, []), ahead }: IndexOptions = {}): EntryIndex {
  const { papers } = page;
  const placement = placementOf(page.kind);
  const entries: Entry[] = [];
  const byId = new Map<ArxivId, Entry[]>();
  // Node to entry without an attribute per node: the nodes are marked already when read ahead.
  const entryOfNode = new WeakMap<Element, Entry>();

  papers.forEach((paper, index) => {
    let controls = ahead?.take(paper.element.head);
    // Read ahead from an entry that changed before the parse (a page script's doing): built again.
    if (controls && !layout.fits(controls, paper)) {
      takeControlsOff(controls, paper);
      controls = undefined;
    }
    // Screen readers hear "Star, toggle button, <title>": the title names which paper a button acts on.
    const titleId = titleIdOf(paper, doc);
    controls ??= putControls(paper, layout, placement, titleId);
    const entry: Entry = { index, paper, nodes: paper.element.nodes, controls, ...(titleId && { titleId }) };
    for (const node of entry.nodes) entryOfNode.set(node, entry);
    entries.push(entry);
    const same = byId.get(paper.id);
    if (same) same.push(entry);
    else byId.set(paper.id, [entry]);
  });
  ahead?.discard();

  const index: EntryIndex = {
    entries,
    byId: (id) => byId.get(id) ?? [],
    entryOf(target) {
      if (!(target instanceof Element)) return undefined;
      const node = target.closest(`[${ENTRY_ATTR}]`);
      return node ? entryOfNode.get(node) : undefined;
    },
    ids: () => [...byId.keys()],
    remove() {
      for (const entry of entries) takeControlsOff(entry.controls, entry.paper);
    },
  };
  signal?.addEventListener('abort', () => index.remove(), { once: true });
  return index;
}

/**
 * Puts an entry's controls where its page kind wants them (see `PageKindTraits.controls`): at the
 * end of a listing `<dt>` (after arXiv's `[pdf, html, other]` links), at the end of a search
 * result's id line (`p.list-title`, arxiv-search's `search-macros.html`), or right under the abs
 * page's title (`h1.title`, browse `abs/abs.html`).
 */
function placeControls(head: Element, controls: HTMLElement, placement: PageKindTraits['controls']): void {
  switch (placement) {
    case 'listing-head':
      return head.append(controls);
    case 'result-id-line':
      return (head.querySelector('p.list-title') ?? head).append(controls);
    case 'under-title': {
      const title = head.querySelector('h1.title');
      if (title) title.after(controls);
      else head.prepend(controls);
    }
  }
}
