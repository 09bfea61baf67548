/**
 * Resolves once `doc` has been parsed (`DOMContentLoaded`), at once if it already has been. The
 * content script starts at `document_start`, so the browser evaluates its code while the listing's
 * HTML is still arriving, and waits here for the entries before it reads them.
 */
export function documentParsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
