/**
 * Notices when MathJax rewrites the text under Sift's highlights. arXiv loads MathJax 2 after the
 * page (`mathjaxToggle()`), and its tex2jax pass splits the text nodes around each `$…$`, moves the
 * TeX into a `script[type^="math/tex"]` and removes the rest: ranges over the old nodes end up out
 * of bounds and lose their paint. A listing is repainted once that has happened.
 *
 * The content script runs in an isolated world, where the page's `MathJax.Hub` queue cannot be
 * hooked in Chromium, so this watches the DOM instead: the same in every browser, and silent on a
 * page whose MathJax fails or never loads.
 */
import { signal as createSignal, type ReadonlySignal } from '@preact/signals';

/**
 * MathJax's own output (v2 HTML-CSS, CommonHTML, SVG, the assistive MathML; v3's container):
 * building it inserts thousands of nodes, none of them under a highlight.
 */
const MATHJAX_OUTPUT = [
  '.MathJax',
  '.MathJax_Display',
  '.MathJax_Preview',
  '.MathJax_CHTML',
  '.MathJax_SVG',
  '.MathJax_SVG_Display',
  '.MJX_Assistive_MathML',
  'mjx-container',
].join(', ');
/** Sift's own controls inside entries (`data-sift-ui`): rendering them changes no page text. */
const OWN_UI = '[data-sift-ui]';

/** How long the page's text must stay still before a repaint: tex2jax rewrites a page in one task. */
export const TYPESET_SETTLE_MS = 50;

function isTextOrScript(node: Node): boolean {
  return node.nodeType === 3 || node.nodeName === 'SCRIPT';
}

/** Whether a mutation replaced page text (a split, a removed text node, an inserted math script). */
function rewritesText(record: MutationRecord): boolean {
  const target = record.target as Element;
  if (target.nodeType !== 1 || target.closest(MATHJAX_OUTPUT) || target.closest(OWN_UI)) return false;
  for (const node of record.addedNodes) if (isTextOrScript(node)) return true;
  for (const node of record.removedNodes) if (node.nodeType === 3) return true;
  return false;
}

/**
 * A counter that goes up each time the text inside the containers of `nodes` (a listing's `dt`/`dd`,
 * search results, an abs page's column) has been rewritten, once the page has been still for
 * `TYPESET_SETTLE_MS`; read it in an effect to repaint. One observer on each distinct parent,
 * childList only; MathJax's output and Sift's own controls are ignored, so neither building the
 * rendered math nor a star click repaints. Stops with `signal`.
 */
export function watchTypesetting(nodes: readonly Node[], signal: AbortSignal): ReadonlySignal<number> {
  const rewrites = createSignal(0);
  const containers = new Set<Node>();
  for (const node of nodes) containers.add(node.parentNode ?? node);
  if (containers.size === 0 || signal.aborted) return rewrites;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (!records.some(rewritesText)) return;
    clearTimeout(timer);
    timer = setTimeout(() => rewrites.value++, TYPESET_SETTLE_MS);
  });
  for (const container of containers) observer.observe(container, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  return rewrites;
}
