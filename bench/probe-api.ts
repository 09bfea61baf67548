/**
 * What the in-page probe (bench/probe.ts, bundled and injected into a listing without the
 * extension) offers the runner through `window.siftBench`. Types only, so the Node side can
 * import them without pulling the probe's code in.
 */
import type MarkJs from 'mark.js';
import type { PaperMeta } from '@/lib/arxiv/types';
import type { Rule } from '@/lib/rules/types';

export interface ParseRun {
  ms: number;
  papers: number;
  problems: number;
}

/** `ms`: the synchronous call; `paintedMs`: from its start until the frame showing it is painted. */
export interface HighlightRun {
  ms: number;
  paintedMs: number;
  /** The parts of `ms`: `compileRules`, `fieldElementsOf` for every entry, `paintHighlights`. */
  compileMs: number;
  fieldsMs: number;
  paintMs: number;
  /** Entries with at least one match. */
  matchedEntries: number;
  /** Ranges registered in `CSS.highlights`. */
  ranges: number;
}

export interface MarkRun {
  ms: number;
  paintedMs: number;
  /** `<mark>` elements mark.js inserted. */
  marks: number;
}

export interface BenchProbe {
  /** `parseArxivPage(document, location.href)`, timed. */
  parse(): ParseRun;
  /** The page's papers as plain metadata (no DOM handles), for filling the store and exports. */
  metas(): PaperMeta[];
  /** What the highlight feature does: compile the rules, find each entry's fields, paint. */
  highlight(rules: readonly Rule[]): Promise<HighlightRun>;
  /** mark.js in its fastest mode: the terms escaped into one case-insensitive alternation. */
  markRegExp(terms: readonly string[]): Promise<MarkRun>;
  /** mark.js's default `mark(terms)`: one pass over the text per term, diacritics folded. */
  markTerms(terms: readonly string[]): Promise<MarkRun>;
}

declare global {
  interface Window {
    /** Set by the injected probe; the runner checks it is there right after injecting. */
    siftBench: BenchProbe;
    /** mark.js's UMD build, injected from node_modules/mark.js/dist/mark.min.js. */
    Mark?: typeof MarkJs;
  }
}
