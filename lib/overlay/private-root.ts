/**
 * A shadow root for what Sift shows on arXiv's page: the overlay's toolbar and dialogs, and on an
 * entry the reader's own words, its tag chips and note tooltip. In a reader's build it is closed
 * (shadow-mode.ts), so the page's scripts see the host element but none of the text in it; the
 * page's stylesheet cannot reach in either, so the root brings its own `<style>` when it needs one
 * (an element rather than an adopted sheet: only tagged or noted entries get a root, and an element
 * needs nothing of constructable stylesheets across the content script's world).
 */
import { SHADOW_MODE } from './shadow-mode';

export function attachPrivateRoot(host: HTMLElement, css?: string): ShadowRoot {
  const root = host.attachShadow({ mode: SHADOW_MODE });
  if (css !== undefined) {
    const style = host.ownerDocument.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return root;
}
