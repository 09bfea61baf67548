/**
 * The in-page half of the benchmark: bundled by scripts/bench.mjs into one IIFE and injected
 * (`page.addScriptTag`) into a generated listing loaded WITHOUT the extension, so Sift's own
 * highlights and controls never interfere with what is measured. mark.js is injected beside it from
 * its own dist file and found as the global `Mark`.
 */
import type MarkJs from 'mark.js';
import { parseArxivPage } from '@/lib/arxiv/parse';
import type { Paper, PaperMeta } from '@/lib/arxiv/types';
import { fieldElementsOf } from '@/lib/highlight/fields';
import { paintHighlights } from '@/lib/highlight/paint';
import { compileRules } from '@/lib/rules/compile';
import type { Rule } from '@/lib/rules/types';
import type { BenchProbe, MarkRun } from './probe-api';

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
};

window.siftBench = probe;
