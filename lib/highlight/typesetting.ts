/**
 * Follows MathJax as it typesets the page under Sift's highlights. arXiv loads MathJax 2 after the
 * page (`mathjaxToggle()`), and its tex2jax pass splits the text nodes around each `$…$`, moves the
 * TeX into a `script[type^="math/tex"]` and removes the rest: ranges over the old nodes end up out
 * of bounds and lose their paint, so a listing is repainted once that has happened. While MathJax
 * builds its output it changes the DOM between frames, and Chromium then rebuilds the markers of
 * every registered highlight range before each frame (`HighlightRegistry::ValidateHighlightMarkers`),
 * which on a long listing slows MathJax down by more than half; `pending` tells the painter to wait.
 *
 * The content script runs in an isolated world, where the page's `MathJax.Hub` queue cannot be
 * hooked in Chromium, so this reads the DOM instead: the same in every browser, and a page whose
 * MathJax fails or never loads is never waited for long.
 */
import { signal as createSignal, type ReadonlySignal } from '@preact/signals';
// MathJax's own output: building it inserts thousands of nodes, none of them under a highlight.
import { MATHJAX_OUTPUT } from './fields';

/** Sift's own controls inside entries (`data-sift-ui`): rendering them changes no page text. */
const OWN_UI = '[data-sift-ui]';
/** arXiv's loader inserts `//static.arxiv.org/MathJax-2.7.3/MathJax.js` (browse `mathjaxToggle.min.js`). */
const MATHJAX_LOADER = 'script[src*="MathJax.js"]';
/**
 * The output frame MathJax 2 puts before each `script[type^="math/tex"]` (HTML-CSS, CommonHTML,
 * SVG), and the marks of frames HTML-CSS has not revealed yet (jax/output/HTML-CSS/jax.js
 * `preTranslate`). Class collections: the cheapest query to repeat while MathJax works.
 */
const FRAME_CLASSES = ['MathJax', 'MathJax_CHTML', 'MathJax_SVG'];
const IN_PROGRESS_CLASSES = ['MathJax_Processing', 'MathJax_Processed'];

/** How long the page's text must stay still before a repaint: tex2jax rewrites a page in one task. */
export const TYPESET_SETTLE_MS = 50;
/** The latest a repaint after a rewrite waits for the page to be idle. */
export const TYPESET_REPAINT_WITHIN_MS = 500;
/**
 * How long after the page's load Sift waits for MathJax to start; if it starts later, the wait
 * begins again. Once it has started, Sift waits `TYPESET_STALL_MS` after its last change: its
 * pauses between chunks run to 0.9 s on a 2000-entry listing on 2 idle cores, and several times
 * that on a loaded machine, where showing thousands of ranges mid-way would slow it further.
 */
export const TYPESET_IDLE_MS = 2000;
export const TYPESET_STALL_MS = 10_000;

/**
 * Above this many ranges a painter waits for `pending` to end before showing them: on the
 * 500-entry benchmark listing (about 6,900 ranges with its 50 rules) showing them during
 * typesetting made MathJax 1.8 times slower, while a few hundred ranges cost a frame next to
 * nothing and are better shown at once.
 */
export const TYPESET_WAIT_RANGES = 1000;

export interface Typesetting {
  /** Goes up each time MathJax has rewritten the text under the highlights: read it to repaint. */
  readonly rewrites: ReadonlySignal<number>;
  /**
   * Whether MathJax is still to typeset the page: from the start, when the page loads MathJax,
   * until every formula shows, the loader fails, or MathJax has not started `TYPESET_IDLE_MS`
   * after the page's load (or stalled for `TYPESET_STALL_MS`); again from each later rewrite.
   */
  readonly pending: ReadonlySignal<boolean>;
}

function isTextOrScript(node: Node): boolean {
  return node.nodeType === 3 || node.nodeName === 'SCRIPT';
}

/**
 * Whether a mutation replaced page text (a split, a removed text node, an inserted math script).
 * The nodes are looked at first: most of MathJax's mutations add elements, and `closest` is the
 * dearer test.
 */
function rewritesText(record: MutationRecord): boolean {
  let changed = false;
  for (const node of record.addedNodes) if ((changed = isTextOrScript(node))) break;
  if (!changed) for (const node of record.removedNodes) if ((changed = node.nodeType === 3)) break;
  if (!changed) return false;
  const target = record.target as Element;
  return target.nodeType === 1 && !target.closest(OWN_UI) && !target.closest(MATHJAX_OUTPUT);
}

/** Every formula of `containers` has its output frame, and none is still being built. */
function isTypesetIn(containers: Iterable<Element>): boolean {
  let scripts = 0;
  let frames = 0;
  for (const container of containers) {
    for (const name of IN_PROGRESS_CLASSES) if (container.getElementsByClassName(name).length > 0) return false;
    for (const name of FRAME_CLASSES) frames += container.getElementsByClassName(name).length;
    for (const script of container.getElementsByTagName('script')) if (script.type.startsWith('math/tex')) scripts += 1;
  }
  return scripts > 0 && frames >= scripts;
}

/**
 * Watches the containers of `nodes` (a listing's `dt`/`dd`, search results, an abs page's column)
 * in `document`: one childList observer on each distinct parent, ignoring Sift's own controls.
 * `rewrites` goes up once the text has been rewritten and stayed still for `TYPESET_SETTLE_MS`;
 * `pending` holds while a page that loads MathJax (its `MathJax.js` script is in the document)
 * has not finished typesetting (see `Typesetting`). Stops with `signal`.
 */
export function watchTypesetting(document: Document, nodes: readonly Node[], signal: AbortSignal): Typesetting {
  const rewrites = createSignal(0);
  const loader = document.querySelector(MATHJAX_LOADER);
  const pending = createSignal(loader !== null);
  const containers = new Set<Element>();
  for (const node of nodes) {
    const container = node.parentElement ?? node;
    if (container.nodeType === 1) containers.add(container as Element);
  }
  if (signal.aborted) return { rewrites, pending };

  const timers = { settle: 0, check: 0, idle: 0 };
  const later = (name: keyof typeof timers, ms: number, run: () => void) => {
    window.clearTimeout(timers[name]);
    timers[name] = window.setTimeout(run, ms);
  };
  const finish = () => {
    pending.value = false;
    window.clearTimeout(timers.idle);
    window.clearTimeout(timers.check);
  };
  const waitIdle = (ms = TYPESET_IDLE_MS) => later('idle', ms, finish);
  let idleTask = 0;
  const whenIdle = (task: () => void) => {
    if (typeof window.requestIdleCallback !== 'function') return task();
    window.cancelIdleCallback(idleTask);
    idleTask = window.requestIdleCallback(task, { timeout: TYPESET_REPAINT_WITHIN_MS });
  };

  const checkDone = () => {
    waitIdle(TYPESET_STALL_MS);
    later('check', TYPESET_SETTLE_MS, () => isTypesetIn(containers) && finish());
  };
  // Once tex2jax has rewritten the text, MathJax only builds its output until it is done: each
  // of its batches just pushes the end check back, with no look at the records.
  let rewritten = false;
  const observer = new MutationObserver((records) => {
    if (rewritten && pending.peek()) return checkDone();
    if (!records.some(rewritesText)) return;
    rewritten = true;
    // MathJax has started after all (late, or again): wait for it anew.
    if (loader) pending.value = true;
    // The repaint goes into a pause MathJax leaves between its chunks, rather than into its way.
    later('settle', TYPESET_SETTLE_MS, () => whenIdle(() => rewrites.value++));
    if (loader) checkDone();
  });
  for (const container of containers) observer.observe(container, { childList: true, subtree: true });

  const stop = new AbortController();
  if (loader) {
    loader.addEventListener('error', finish, { signal: stop.signal });
    if (document.readyState === 'complete') waitIdle();
    else window.addEventListener('load', () => waitIdle(), { once: true, signal: stop.signal });
  }
  signal.addEventListener('abort', () => {
    observer.disconnect();
    stop.abort();
    for (const timer of Object.values(timers)) window.clearTimeout(timer);
    if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idleTask);
  });
  return { rewrites, pending };
}
