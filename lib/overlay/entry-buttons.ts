import { buttonControl, controlIn, describeBy, ownElementOf, type EntryButtonSpec, type EntryControl } from './entry-controls';
import type { Entry, EntryIndex } from './entry-index';

/**
 * The element of `control` in each entry of `entries` (by entry index; `undefined` where `when`
 * leaves it out): the one the content script put there, else one added now at the end.
 */
export function addEntryControls(entries: EntryIndex, doc: Document, control: EntryControl): (HTMLElement | undefined)[] {
  let template: HTMLElement | undefined;
  return entries.entries.map((entry) => {
    if (control.when && !control.when(entry.paper)) return undefined;
    const placed = controlIn(entry.controls, control.className);
    if (placed) return placed;
    template ??= control.make(doc);
    return appendControl(entry, template, control.className);
  });
}

function appendControl(entry: Entry, template: HTMLElement, className: string): HTMLElement {
  const element = template.cloneNode(true) as HTMLElement;
  entry.controls.append(element);
  const own = ownElementOf(element, className);
  describeBy(own, entry.titleId);
  return own;
}

/** `addEntryControls` for a button, typed as one. */
export function addEntryButtons(entries: EntryIndex, doc: Document, spec: EntryButtonSpec): (HTMLButtonElement | undefined)[] {
  return addEntryControls(entries, doc, buttonControl(spec)) as (HTMLButtonElement | undefined)[];
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
