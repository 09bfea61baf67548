/**
 * Every entry's controls span, built whole from one template per combination of controls (most
 * pages have one), so that the content script can put the controls into each entry while the page
 * streams in: a deep clone per entry, instead of a button per feature per entry once the page is
 * parsed. Creating 16,000 buttons costs some 35 ms on a 2000-entry listing however it is done
 * (measured: cloning button by button or a whole row per entry alike); done as the entries arrive,
 * that time falls where the browser waits for the network.
 */
import { i18n } from '#i18n';
import type { Paper } from '@/lib/arxiv/types';

export interface EntryButtonSpec {
  /** Extra class after `sift-btn`; the glyph comes from CSS on it. */
  className: string;
  /** The accessible name; it never changes (state goes in `aria-pressed`). */
  label: string;
  /** Tooltip naming the shortcut, e.g. `Star (s)`. */
  title: string;
  /** A toggle button (`aria-pressed`), a button that opens a dialog, or a plain action (copy). */
  kind: 'toggle' | 'dialog' | 'action';
  /** Words shown in the button instead of a glyph. */
  text?: string;
  /** Left out of sight until its feature has something to show (ranking's "Why?"). */
  hidden?: boolean;
  /** A button that shows and hides a panel of its own (`aria-expanded`), closed at first. */
  expanded?: false;
  /** Class of an element put around the button (the note's tooltip sits beside its button). */
  wrapClass?: string;
  /** The entries that get the button; every entry when absent. */
  when?: (paper: Paper) => boolean;
}

/**
 * One control in every entry's controls span, made once as a template and cloned deep into each
 * entry: by a layout (below) while the page streams in, or by its feature (`addEntryControls`)
 * when nothing put it there first. Found again by `className`, on the control's own element or,
 * when it is wrapped, on its first child.
 */
export interface EntryControl {
  className: string;
  make(doc: Document): HTMLElement;
  when?: (paper: Paper) => boolean;
}

/** A `<button class="sift-btn …">` control as its feature describes it. */
export function buttonControl(spec: EntryButtonSpec): EntryControl {
  return {
    className: spec.className,
    ...(spec.when && { when: spec.when }),
    make(doc) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = `sift-btn ${spec.className}`;
      button.setAttribute('aria-label', spec.label);
      button.title = spec.title;
      if (spec.kind === 'toggle') button.setAttribute('aria-pressed', 'false');
      else if (spec.kind === 'dialog') button.setAttribute('aria-haspopup', 'dialog');
      if (spec.text !== undefined) button.textContent = spec.text;
      if (spec.hidden) button.hidden = true;
      if (spec.expanded === false) button.setAttribute('aria-expanded', 'false');
      if (!spec.wrapClass) return button;
      const wrap = doc.createElement('span');
      wrap.className = spec.wrapClass;
      wrap.append(button);
      return wrap;
    },
  };
}

/** Where each entry's controls keep each control: its child's position, and whether it is wrapped. */
const slotsOf = new WeakMap<Element, ReadonlyMap<string, ControlSlot>>();

interface ControlSlot {
  child: number;
  wrapped: boolean;
}

function elementAt(controls: Element, slot: ControlSlot): HTMLElement | undefined {
  const top = controls.children[slot.child];
  return ((slot.wrapped ? top?.firstElementChild : top) ?? undefined) as HTMLElement | undefined;
}

/** The element of control `className` that was cloned into `controls`, if it was. */
export function controlIn(controls: Element, className: string): HTMLElement | undefined {
  const slot = slotsOf.get(controls)?.get(className);
  return slot && elementAt(controls, slot);
}

/** The element a control's feature works with: `top` itself, or the button it wraps. */
export function ownElementOf(top: HTMLElement, className: string): HTMLElement {
  return top.classList.contains(className) ? top : (top.firstElementChild as HTMLElement);
}

/** Points a control's button (if it is one) at the entry's title, which names the paper it acts on. */
export function describeBy(element: Element | null | undefined, titleId: string | undefined): void {
  if (titleId && element?.localName === 'button') element.setAttribute('aria-describedby', titleId);
}

export interface ControlsLayout {
  /** A new controls span for `paper`'s entry holding every control it gets, its buttons described by `titleId`. */
  build(paper: Paper, titleId: string | undefined): HTMLElement;
  /** Whether `controls`, built by this layout, holds exactly the controls `paper`'s entry gets. */
  fits(controls: Element, paper: Paper): boolean;
}

interface Template {
  span: HTMLElement;
  slots: ReadonlyMap<string, ControlSlot>;
  /** The children that are (or hold) a button, which `aria-describedby` names the title for. */
  buttons: readonly ControlSlot[];
}

/** The layout of `controls`, in the order their features run. */
export function controlsLayout(doc: Document, controls: readonly EntryControl[]): ControlsLayout {
  const templates = new Map<string, Template>();
  const templateFor = (paper: Paper): Template => {
    const present = controls.filter((control) => !control.when || control.when(paper));
    const key = present.map((control) => control.className).join(' ');
    let template = templates.get(key);
    if (!template) templates.set(key, (template = makeTemplate(doc, present)));
    return template;
  };
  return {
    build(paper, titleId) {
      const template = templateFor(paper);
      const span = template.span.cloneNode(true) as HTMLElement;
      slotsOf.set(span, template.slots);
      if (titleId) for (const slot of template.buttons) describeBy(elementAt(span, slot), titleId);
      return span;
    },
    fits: (controls, paper) => slotsOf.get(controls) === templateFor(paper).slots,
  };
}

function makeTemplate(doc: Document, controls: readonly EntryControl[]): Template {
  const span = doc.createElement('span');
  span.className = 'sift-controls';
  span.setAttribute('data-sift-ui', '');
  // Sift's words are in the catalogue's language, which need not be the page's (arXiv says English).
  span.lang = i18n.t('lang');
  const slots = new Map<string, ControlSlot>();
  const buttons: ControlSlot[] = [];
  controls.forEach((control, child) => {
    const element = control.make(doc);
    span.append(element);
    const own = ownElementOf(element, control.className);
    const slot = { child, wrapped: own !== element };
    slots.set(control.className, slot);
    if (own.localName === 'button') buttons.push(slot);
  });
  return { span, slots, buttons };
}
