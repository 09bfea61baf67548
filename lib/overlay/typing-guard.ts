/**
 * Keeps what the reader types into Sift's fields (a note, a rule pattern, a tag name) from the
 * page's own key and input listeners. Those events are composed: they leave a shadow root, closed
 * or not, and bubble to the page's `document` and `window` with `key` and `data` intact, so a page
 * script listening there could log a note as it is written. Stopping them at the root ends their
 * bubbling. A listener the page put on `window` or `document` in the capture phase still sees each
 * key before the root does; no content-script UI can prevent that (only a frame of the extension's
 * own origin could), which the README's privacy section says.
 */
const TYPING_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend', 'paste', 'cut', 'copy'] as const;

/** Whether typing into `target` puts the reader's words into it. */
export function isTextEntry(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'color', 'range'].includes(target.type);
}

/** Stops typing events aimed at a text field inside `root` from leaving it, until `signal` aborts. */
export function keepTypingInside(root: ShadowRoot, signal: AbortSignal): void {
  const stop = (event: Event) => {
    if (isTextEntry(event.composedPath()[0])) event.stopPropagation();
  };
  for (const type of TYPING_EVENTS) root.addEventListener(type, stop, { signal });
}
