/**
 * Takes `browser` back from the page before `wxt/browser` reads it.
 *
 * In Chrome the content script sees the page's DOM, and a page can put a named element there:
 * `<form id="browser"><input name="runtime" id="runtime"></form>` makes `globalThis.browser` the
 * form and `browser.runtime.id` a non-empty string, so WXT's native `browser` (what the content
 * script is built with) and webextension-polyfill 0.12 alike take the form for the extension API
 * and every call fails. An own property on this world's global shadows the named element (named
 * properties sit on the prototype chain), so `chrome` is used instead, which a page cannot
 * shadow. Firefox's `browser` is the sandbox's own and never a DOM element, so nothing changes
 * there. Import this module first, before anything that imports
 * `wxt/browser`. Since the content script starts at `document_start`, no page element exists yet
 * when it is evaluated in a normally loaded tab; this stays for any start that finds the DOM
 * already built, which is where the hostile-page tests' form was first seen to break Sift.
 */
const candidate: unknown = (globalThis as { browser?: unknown }).browser;
if (typeof Node !== 'undefined' && candidate instanceof Node) {
  Object.defineProperty(globalThis, 'browser', { value: undefined, configurable: true, writable: true });
}
