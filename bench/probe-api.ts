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

/** One trusted input, timed in the page: from its first event to the next frame painted after it was handled. */
export interface InputTiming {
  /** From the first event's capture listener on `window` to after the next paint. */
  ms: number;
  /** The same, from the event's own `timeStamp` (when the browser made it). */
  fromEventMs: number;
  /** Synchronous handling, until the event bubbled back to `window` (NaN when a handler stopped it). */
  scriptMs: number;
  /** The event's `timeStamp` in epoch milliseconds, to compare with another page's clock. */
  atEpochMs: number;
}

/**
 * What the probe does itself from the input's own listener, for a baseline: for a filter toggle,
 * `style.display` on the nodes that toggle took off the page (`recordFiltered` remembers them,
 * `useFiltered` finds them on a fresh load),
 * hiding or showing them; for `j` the scroll alone (the entry after the last one scrolled to, or
 * after the focus ring at first, brought into view as `j` brings it).
 */
export type NodeEffect = 'hideFiltered' | 'showFiltered' | 'scrollNext';

export interface LayoutShift {
  /** Sum of the page's layout-shift values without recent input (all of it, not CLS's session window). */
  score: number;
  shifts: number;
}

export interface ScrollRun {
  /** Time between consecutive animation frames while scrolling. */
  frameMs: number[];
  /** Durations of the long animation frames (over 50 ms) Chromium reported meanwhile. */
  longAnimationFramesMs: number[];
  scrolledPx: number;
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
  /**
   * Times the next input: from the first `start` event (say `keydown`) to the frame painted after
   * the first `end` event (`input` for a typed character, or the same event). `effect` is done in
   * the start event's listener, for baselines that write the DOM themselves.
   */
  armInput(start: string, end: string, effect?: NodeEffect): void;
  /**
   * Waits until Sift has finished writing a filter's verdicts (no change for a while), then
   * remembers which nodes are off the page: with the filter `off`, as the state to compare with;
   * with it `on`, the nodes it took off beyond those, for `hideFiltered`. Answers how many.
   */
  recordFiltered(filter: 'off' | 'on'): Promise<number>;
  /** Where the nodes `recordFiltered('on')` remembered stand among the page's `dt`, `dd` and `li` elements, to find them again on another load. */
  filteredPositions(): number[];
  /** Remembers, for `hideFiltered` and `showFiltered`, the nodes at these positions of this page (as `filteredPositions` gave them on another load); throws if one is missing. */
  useFiltered(positions: readonly number[]): void;
  /** The armed input's timing, once its frame has been painted. */
  settled(): Promise<InputTiming>;
  /** Every layout shift the page recorded so far. */
  layoutShift(): Promise<LayoutShift>;
  /** Scrolls from the top by `pxPerFrame` in each of `frames` animation frames, timing the frames. */
  scroll(pxPerFrame: number, frames: number): Promise<ScrollRun>;
  /** Whether arXiv's arXiv.css is loaded and applied (its rules readable). */
  stylesheetApplied(): boolean;
  /** Settles once MathJax has typeset the page (its "End" signal), or after `timeoutMs` without MathJax. */
  typeset(timeoutMs: number): Promise<void>;
}

declare global {
  interface Window {
    /** Set by the injected probe; the runner checks it is there right after injecting. */
    siftBench: BenchProbe;
    /** mark.js's UMD build, injected from node_modules/mark.js/dist/mark.min.js. */
    Mark?: typeof MarkJs;
  }
}
