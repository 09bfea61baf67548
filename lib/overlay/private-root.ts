/**
 * A shadow root for words of the reader's that Sift shows on an arXiv entry: the tag chips and the
 * note tooltip. In a reader's build it is closed (shadow-mode.ts), so the page's scripts see the
 * host element but none of the text in it; the page's stylesheet cannot reach in either, so the
 * root brings its own `<style>` when it needs one (a `<style>` element, not an adopted sheet:
 * Firefox refuses a sheet a content script constructs for a page's shadow root).
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
