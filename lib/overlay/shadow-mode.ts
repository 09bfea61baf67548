/**
 * How Sift's shadow roots on arxiv.org are attached. Closed in every build a reader installs: a
 * page script then gets `null` from `host.shadowRoot` and cannot read the toolbar, the dialogs
 * (notes being written, rule patterns, tag names) or the tag chips and note tooltips on entries.
 *
 * The browser tests build with `WXT_SIFT_OPEN_SHADOW_ROOTS=true` (`npm run build:test`), since
 * Playwright's locators and the Firefox harness can only enter open roots; Vite replaces the
 * variable at build time, so a reader's build carries only the closed branch. The hostile-page
 * tests run on the reader's build and check that the page sees nothing.
 */
export const SHADOW_MODE: ShadowRootMode = import.meta.env.WXT_SIFT_OPEN_SHADOW_ROOTS === 'true' ? 'open' : 'closed';
