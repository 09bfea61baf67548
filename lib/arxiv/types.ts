/**
 * The typed records the parser produces from arXiv pages. Every other module (overlay, store,
 * exports) speaks these types, so they live apart from the parser that fills them.
 */

/** A versionless arXiv identifier: `2602.22290`, `0704.0001`, `math/0601001`. */
export type ArxivId = string & { readonly __brand: 'ArxivId' };

export type PageKind = 'new' | 'recent' | 'pastweek' | 'month' | 'catchup' | 'search' | 'abs' | 'unknown';

export type SectionKind = 'new' | 'cross' | 'replacement' | 'day' | 'results';

/** Which part of a listing a paper came from; `day` sections hold `new` and `cross` papers. */
export type PaperSection = 'new' | 'cross' | 'replacement' | 'results' | 'abs';

export interface Subject {
  /** `Distributed, Parallel, and Cluster Computing` */
  name: string;
  /** `cs.DC` */
  code: string;
}

/** Everything the page says about a paper, as plain data: safe to store, send and export. */
export interface PaperMeta {
  id: ArxivId;
  version?: number;
  /** TeX kept exactly as typed, whitespace collapsed. */
  title: string;
  authors: string[];
  affiliations?: string[];
  abstract?: string;
  comments?: string;
  journalRef?: string;
  doi?: string;
  primarySubject?: Subject;
  subjects: Subject[];
  section: PaperSection;
  absUrl: string;
  pdfUrl?: string;
  htmlUrl?: string;
}

/**
 * The DOM nodes of one entry. `head` is where per-entry controls attach (the listing's `<dt>`,
 * the search result's `<li>`, the abs page's title block); `nodes` is every node that belongs to
 * the entry (`dt` + `dd`, or the `li`), so filters can hide them together.
 */
export interface EntryElement {
  head: Element;
  nodes: readonly Element[];
  /**
   * The elements the parser read each field from, where it knows them (listings), so highlighting
   * can match the very same nodes without querying each of 2000 entries again.
   */
  fields?: EntryFields;
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
