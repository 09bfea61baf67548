import type { EntryIndex } from './entry-index';

export interface EntryButtonSpec {
  /** Extra class after `sift-btn`; the glyph comes from CSS on it. */
  className: string;
  /** The accessible name; it never changes (state goes in `aria-pressed`). */
  label: string;
  /** Tooltip naming the shortcut, e.g. `Star (s)`. */
  title: string;
  /** A toggle button (`aria-pressed`), a button that opens a dialog, or a plain action (copy). */
  kind: 'toggle' | 'dialog' | 'action';
}

/**
 * One plain `<button>` per entry, cloned from a template into each entry's controls span (cheap on
 * 2000 entries), returned by entry index. `wrap` puts each button in its own element first (the
 * note's tooltip sits beside its button).
 */
export function addEntryButtons(entries: EntryIndex, doc: Document, spec: EntryButtonSpec, wrap?: () => HTMLElement): HTMLButtonElement[] {
  const template = doc.createElement('button');
  template.type = 'button';
  template.className = `sift-btn ${spec.className}`;
  template.setAttribute('aria-label', spec.label);
  template.title = spec.title;
  if (spec.kind === 'toggle') template.setAttribute('aria-pressed', 'false');
  else if (spec.kind === 'dialog') template.setAttribute('aria-haspopup', 'dialog');
  return entries.entries.map((entry) => {
    const button = template.cloneNode(false) as HTMLButtonElement;
    if (entry.titleId) button.setAttribute('aria-describedby', entry.titleId);
    if (wrap) {
      const box = wrap();
      box.append(button);
      entry.controls.append(box);
    } else {
      entry.controls.append(button);
    }
    return button;
  });
}

/**
 * The entry whose button of class `className` a click landed on, via one delegated listener.
 * Only the reader's own clicks count: a page script's `.click()` or dispatched event
 * (`isTrusted` false) must not star, hide or open anything.
 */
export function onEntryButton(
  doc: Document,
  entries: EntryIndex,
  className: string,
  signal: AbortSignal,
  handle: (entry: NonNullable<ReturnType<EntryIndex['entryOf']>>, button: Element) => void,
): void {
  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const button = (event.target as Element | null)?.closest?.(`button.${className}`);
      const entry = button && entries.entryOf(button);
      if (button && entry) handle(entry, button);
    },
    { signal },
  );
}
