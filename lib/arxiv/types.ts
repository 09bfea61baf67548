/**
 * The typed records the parser produces from arXiv pages. Every other module (overlay, store,
 * exports) speaks these types, so they live apart from the parser that fills them. The plain-data
 * part, `PaperMeta`, is inferred from its schema (`lib/schemas/paper-meta.ts`).
 */
import type { ArxivId } from './ids';
import type { PaperMeta } from '@/lib/schemas/paper-meta';

export type { ArxivId } from './ids';
export type { PaperMeta, PaperSection, Subject } from '@/lib/schemas/paper-meta';

export type PageKind = 'new' | 'recent' | 'pastweek' | 'month' | 'catchup' | 'search' | 'abs' | 'author' | 'unknown';

export type SectionKind = 'new' | 'cross' | 'replacement' | 'day' | 'results';

/**
 * The DOM nodes of one entry. `head` is where per-entry controls attach (the listing's `<dt>`,
 * the search result's `<li>`, the abs page's title block); `nodes` is every node that belongs to
 * the entry (`dt` + `dd`, or the `li`), so filters can hide them together.
 */
export interface EntryElement {
  head: Element;
  nodes: readonly Element[];
  /**
   * The elements the parser read each field from, on every page kind, so highlighting matches the
   * very same nodes without a selector table of its own or querying 2000 entries again.
   */
  fields: EntryFields;
}

/** Field containers of one entry: `authors` is the author list, the others hold their text. */
export type EntryFields = Partial<Record<'title' | 'authors' | 'abstract' | 'comments' | 'subjects', Element>>;

export interface Paper extends PaperMeta {
  element: EntryElement;
}

export interface Section {
  kind: SectionKind;
  heading: string;
  papers: Paper[];
}

export interface ParseProblem {
  /** Position of the unreadable entry among all entries of the page, from 0. */
  index: number;
  /** Why, in English for whoever debugs the parser: it goes to the console, and no screen shows it. */
  reason: string;
}

export interface ArxivPage {
  kind: PageKind;
  /** The archive or category the URL names: `cs.DC`, `astro-ph`, `grp_physics`; none on abs pages. */
  archive?: string;
  /** The page's heading: the category name, `Catchup results for …`, `Showing 1–50 of … results …`. */
  title?: string;
  /** ISO date the listing is for (`2026-02-27`); `2026-02` or `2026` on month and year archives. */
  date?: string;
  /** Entries in the whole listing across its pages (`Total of 60 entries`), or search results found. */
  total?: number;
  sections: Section[];
  papers: Paper[];
  problems: ParseProblem[];
}
