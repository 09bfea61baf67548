import { i18n } from '#i18n';
import type { ArxivId, ArxivPage, Paper } from '@/lib/arxiv/types';
import { PAGE_KINDS, traitsOf, type PageKindTraits } from '@/lib/arxiv/page-kinds';

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
const INDEX_ATTR = 'data-sift-index';
const TITLE_ID_PREFIX = 'sift-title-';

/**
 * Marks every entry's nodes (`data-sift-entry`, `data-sift-section`) so the filter stylesheet can
 * select them, and adds one empty controls span per entry. The page's own text and links are left
 * as they were: everything added is removed again by `remove()`, or when `signal` aborts.
 */
export function indexEntries(page: ArxivPage, doc: Document, signal?: AbortSignal): EntryIndex {
  const { papers } = page;
  const placement = (traitsOf(page.kind) ?? PAGE_KINDS.new).controls;
  const entries: Entry[] = [];
  const byId = new Map<ArxivId, Entry[]>();
  const template = doc.createElement('span');
  template.className = 'sift-controls';
  template.setAttribute('data-sift-ui', '');
  // Sift's words are in the catalogue's language, which need not be the page's (arXiv says English).
  template.lang = i18n.t('lang');

  papers.forEach((paper, index) => {
    const controls = template.cloneNode(false) as HTMLElement;
    for (const node of paper.element.nodes) {
      node.setAttribute(ENTRY_ATTR, paper.id);
      node.setAttribute(INDEX_ATTR, String(index));
      node.setAttribute('data-sift-section', paper.section);
    }
    placeControls(paper.element.head, controls, placement);
    const title = paper.element.fields.title;
    // Screen readers hear "Star, toggle button, <title>": the title names which paper a button acts on.
    if (title && !title.id) title.id = `${TITLE_ID_PREFIX}${index}`;
    const entry: Entry = { index, paper, nodes: paper.element.nodes, controls, ...(title?.id && { titleId: title.id }) };
    entries.push(entry);
    const same = byId.get(paper.id);
    if (same) same.push(entry);
    else byId.set(paper.id, [entry]);
  });

  const index: EntryIndex = {
    entries,
    byId: (id) => byId.get(id) ?? [],
    entryOf(target) {
      if (!(target instanceof Element)) return undefined;
      const index = target.closest(`[${INDEX_ATTR}]`)?.getAttribute(INDEX_ATTR);
      return index === null || index === undefined ? undefined : entries[Number(index)];
    },
    ids: () => [...byId.keys()],
    remove() {
      for (const entry of entries) {
        entry.controls.remove();
        const title = entry.paper.element.fields.title;
        if (title?.id.startsWith(TITLE_ID_PREFIX)) title.removeAttribute('id');
        for (const node of entry.nodes) {
          for (const attr of [...node.getAttributeNames()]) {
            if (attr.startsWith('data-sift-')) node.removeAttribute(attr);
          }
        }
      }
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
