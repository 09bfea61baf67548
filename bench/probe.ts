/**
 * The in-page half of the benchmark: bundled by scripts/bench.mjs into one IIFE and injected
 * (`page.addScriptTag`) into generated listings. Without the extension it times the parser and the
 * highlighters (so Sift's own highlights and controls never interfere); mark.js is injected beside
 * it from its own dist file and found as the global `Mark`. With the extension it times the
 * reader's input: Playwright presses keys and clicks with real (trusted) events, which Sift
 * requires, and the probe's window listeners time each from its event to the next painted frame.
 * Scrolling, layout shifts and the stylesheet check run on both.
 */
import type MarkJs from 'mark.js';
import { parseArxivPage } from '@/lib/arxiv/parse';
import type { Paper, PaperMeta } from '@/lib/arxiv/types';
import { fieldElementsOf } from '@/lib/highlight/fields';
import { paintHighlights } from '@/lib/highlight/paint';
import { compileRules } from '@/lib/rules/compile';
import type { Rule } from '@/lib/rules/types';
import type { BenchProbe, InputTiming, MarkRun, NodeEffect, ScrollRun } from './probe-api';

/**
 * Resolves once the frame after "now" has been rendered: a task posted from a rAF callback runs
 * after that frame's style, layout and paint (the usual "after next paint" idiom).
 */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

function markConstructor(): typeof MarkJs {
  const found = window.Mark;
  if (!found) throw new Error('mark.js is not on the page: inject node_modules/mark.js/dist/mark.min.js first');
  return found;
}

let parsed: Paper[] | undefined;

function papers(): Paper[] {
  parsed ??= parseArxivPage(document, location.href).papers;
  return parsed;
}

/** The listing's `dl` containers: what a mark.js user would hand it as the context. */
function listContainers(): HTMLElement[] {
  const containers = new Set<HTMLElement>();
  for (const paper of papers()) {
    const parent = paper.element.head.parentElement;
    if (parent) containers.add(parent);
  }
  return [...containers];
}

function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

async function timeMark(run: (mark: MarkJs, done: (count: number) => void) => void): Promise<MarkRun> {
  const Mark = markConstructor();
  let marks = 0;
  const start = performance.now();
  run(new Mark(listContainers()), (count) => (marks = count));
  const ms = performance.now() - start;
  const painted = await afterNextPaint();
  return { ms, paintedMs: painted - start, marks };
}

let pendingInput: Promise<InputTiming> | undefined;

/** The nodes the last recorded filter took off the page, for the per-node baseline of its toggle. */
let filteredNodes: HTMLElement[] = [];
let outWithoutFilter = new Set<HTMLElement>();

/** The elements Sift takes off the page (listing `dt`/`dd`, search results' `li`), in page order. */
function entryNodes(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('dt, dd, li')];
}

let entryHeads: HTMLElement[] | undefined;
let scrolledTo: number | undefined;

/** `j`'s scroll without the rest of `j`: its baseline. */
function scrollNextEntry(): void {
  entryHeads ??= [...document.querySelectorAll<HTMLElement>('#dlpage dl > dt')];
  scrolledTo = (scrolledTo ?? entryHeads.findIndex((head) => head.hasAttribute('data-sift-focus'))) + 1;
  const head = entryHeads[scrolledTo];
  head?.nextElementSibling?.scrollIntoView({ block: 'nearest' });
  head?.scrollIntoView({ block: 'nearest' });
}

function applyEffect(effect: NodeEffect): void {
  if (effect === 'scrollNext') return scrollNextEntry();
  const display = effect === 'hideFiltered' ? 'none' : '';
  for (const node of filteredNodes) node.style.display = display;
}

const probe: BenchProbe = {
  parse() {
    const start = performance.now();
    const page = parseArxivPage(document, location.href);
    const ms = performance.now() - start;
    parsed = page.papers;
    return { ms, papers: page.papers.length, problems: page.problems.length };
  },

  metas() {
    return papers().map(({ element: _element, ...meta }): PaperMeta => meta);
  },

  async highlight(rules: readonly Rule[]) {
    const entries = papers();
    const style = document.createElement('style');
    document.head.append(style);
    const start = performance.now();
    const compiled = compileRules(rules);
    const compiledAt = performance.now();
    // As the content script does: the field nodes the parser read.
    const fields = entries.map((paper) => fieldElementsOf(paper.element.fields));
    const fieldsAt = performance.now();
    const painted = paintHighlights(fields, compiled);
    style.textContent = painted.css;
    const end = performance.now();
    const ms = end - start;
    const paintedAt = await afterNextPaint();
    let ranges = 0;
    CSS.highlights.forEach((highlight) => (ranges += highlight.size));
    painted.clear();
    style.remove();
    return {
      ms,
      paintedMs: paintedAt - start,
      compileMs: compiledAt - start,
      fieldsMs: fieldsAt - compiledAt,
      paintMs: end - fieldsAt,
      matchedEntries: painted.matches.length,
      ranges,
    };
  },

  markRegExp(terms: readonly string[]) {
    const regex = new RegExp(terms.map(escapeRegExp).join('|'), 'gi');
    return timeMark((mark, done) => mark.markRegExp(regex, { done }));
  },

  markTerms(terms: readonly string[]) {
    return timeMark((mark, done) => mark.mark(terms, { done }));
  },

  armInput(start, end, effect) {
    pendingInput = new Promise((resolve) => {
      let startedAt = 0;
      let stamp = 0;
      let handledAt = Number.NaN;
      const waitForPaint = () => {
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const now = performance.now();
            resolve({ ms: now - startedAt, fromEventMs: now - stamp, scriptMs: handledAt - startedAt, atEpochMs: performance.timeOrigin + stamp });
          };
          channel.port2.postMessage(null);
        });
      };
      // Capture on window runs before any of the page's or Sift's listeners; bubbling on window
      // after them, unless one stops propagation (then scriptMs stays NaN).
      window.addEventListener(
        start,
        (event) => {
          startedAt = performance.now();
          stamp = event.timeStamp;
          if (effect) applyEffect(effect);
          if (end === start) waitForPaint();
          else window.addEventListener(end, waitForPaint, { capture: true, once: true });
        },
        { capture: true, once: true },
      );
      window.addEventListener(end, () => (handledAt = performance.now()), { once: true });
    });
  },

  async recordFiltered(filter) {
    const filtered = () => document.querySelectorAll<HTMLElement>('[data-sift-out]');
    // Sift writes what is off screen in idle slices: done once the count holds for a while.
    for (let last = -1, count = filtered().length; count !== last; last = count, count = filtered().length) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (filter === 'off') {
      outWithoutFilter = new Set(filtered());
      return outWithoutFilter.size;
    }
    filteredNodes = [...filtered()].filter((node) => !outWithoutFilter.has(node));
    return filteredNodes.length;
  },

  filteredPositions() {
    const position = new Map(entryNodes().map((node, index) => [node, index]));
    return filteredNodes.map((node) => {
      const index = position.get(node);
      if (index === undefined) throw new Error(`a filtered <${node.localName}> is not a dt, dd or li`);
      return index;
    });
  },

  useFiltered(positions) {
    const nodes = entryNodes();
    filteredNodes = positions.map((index) => {
      const node = nodes[index];
      if (!node) throw new Error(`this page has no entry node at position ${index}`);
      return node;
    });
  },

  settled() {
    if (!pendingInput) return Promise.reject(new Error('armInput was not called'));
    const pending = pendingInput;
    pendingInput = undefined;
    return pending;
  },

  layoutShift() {
    return new Promise((resolve) => {
      let score = 0;
      let shifts = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (entry.hadRecentInput) continue;
          score += entry.value;
          shifts += 1;
        }
      });
      observer.observe({ type: 'layout-shift', buffered: true });
      // Buffered entries are delivered in the observer's first task.
      setTimeout(() => {
        observer.disconnect();
        resolve({ score, shifts });
      }, 50);
    });
  },

  scroll(pxPerFrame, frames) {
    window.scrollTo(0, 0);
    const long: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(entry.duration);
    });
    observer.observe({ type: 'long-animation-frame' });
    return new Promise<ScrollRun>((resolve) => {
      const deltas: number[] = [];
      let last = 0;
      let left = frames;
      const step = (now: number) => {
        if (last > 0) deltas.push(now - last);
        last = now;
        if (left-- <= 0) {
          // Long animation frames are reported a task after they end.
          setTimeout(() => {
            observer.disconnect();
            resolve({ frameMs: deltas, longAnimationFramesMs: long, scrolledPx: window.scrollY });
          }, 50);
          return;
        }
        window.scrollBy(0, pxPerFrame);
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  },

  typeset(timeoutMs) {
    return new Promise((resolve) => {
      const giveUp = setTimeout(resolve, timeoutMs);
      const hook = () => {
        const hub = (window as unknown as { MathJax?: { Hub?: { Register?: { StartupHook(name: string, callback: () => void): void } } } }).MathJax?.Hub;
        // A startup hook whose signal has passed runs at once, so this also settles after the fact.
        if (hub?.Register) hub.Register.StartupHook('End', () => (clearTimeout(giveUp), resolve()));
        else setTimeout(hook, 50);
      };
      hook();
    });
  },

  stylesheetApplied() {
    return [...document.styleSheets].some((sheet) => {
      if (!sheet.href?.includes('/css/arXiv.css')) return false;
      try {
        return sheet.cssRules.length > 0;
      } catch {
        return false;
      }
    });
  },
};

window.siftBench = probe;
