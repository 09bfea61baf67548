/**
 * True for the error a content script gets when the extension was updated or reloaded under a
 * live tab: its messaging is gone for good, so the overlay detaches quietly instead of erroring.
 */
export function isContextInvalidated(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Extension context invalidated|context invalidated/i.test(message);
}
