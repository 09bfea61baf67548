import type { ReadonlySignal } from '@preact/signals';
import type { ArxivId } from '@/lib/arxiv/types';
import type { EntryIndex, Entry } from './entry-index';
import { ENTRY_FLAGS } from './filters';
import type { OnScreen } from './on-screen';

/**
 * The keyboard's place in the listing: the focused entry (a ring drawn by the stylesheet) and
 * moves to the next, previous or next unseen visible entry. The keyboard feature and the toolbar's
 * "Continue" button share it, so both move the same ring.
 */
export interface Navigator {
  readonly current: Entry | undefined;
  focus(entry: Entry): void;
  /**
   * Moves one visible entry on; `onLeave` hears about the entry moved past. With no
   * focused entry on screen (none yet, or the reader scrolled away with the mouse), it moves to
   * the first entry on screen (`k`: the last) instead, so the keyboard starts where the eyes are.
   */
  step(direction: 1 | -1): Entry | undefined;
  /**
   * Moves to the next visible entry `isUnseen` says is unseen: after the current one, else from
   * the top (so "continue where I stopped" finds the first unseen entry wherever the ring is).
   */
  nextUnseen(isUnseen: (id: ArxivId) => boolean): Entry | undefined;
  /** Takes the ring away (teardown). */
  clear(): void;
}

export interface NavigatorOptions {
  /** Hears about the entry moved past (it was read). */
  readonly onLeave: (entry: Entry) => void;
  /** Whether a filter took entry `index` off the page: such entries are skipped. From the state, never from layout. */
  readonly isFilteredOut: (index: number) => boolean;
  /** The on-screen order of entry indices ("For you" moves entries): moves walk it instead of arXiv's order, so `j` always goes to the entry below. */
  readonly order?: ReadonlySignal<readonly number[] | undefined>;
  /** Which entries are in view (see `step`). */
  readonly onScreen?: OnScreen;
}

/** The keyboard's place in `entries` (see {@link Navigator}). */
export function createNavigator(entries: EntryIndex, { onLeave, isFilteredOut, order, onScreen }: NavigatorOptions): Navigator {
  let current: Entry | undefined;

  // From the state: the page may not have caught up with a filter yet (entry-display.ts), and
  // asking it (offsetParent) would force a layout of the whole listing on every key.
  const isVisible = (entry: Entry) => !isFilteredOut(entry.index);

  function focus(entry: Entry) {
    if (current) for (const node of current.nodes) node.removeAttribute(ENTRY_FLAGS.focused);
    current = entry;
    onScreen?.shown(entry.index);
    for (const node of entry.nodes) node.setAttribute(ENTRY_FLAGS.focused, '');
    entry.controls.querySelector('button')?.focus({ preventScroll: true });
    entry.nodes.at(-1)?.scrollIntoView({ block: 'nearest' });
    entry.nodes[0]?.scrollIntoView({ block: 'nearest' });
  }

  function find(direction: 1 | -1, accept: (entry: Entry) => boolean, start?: number): Entry | undefined {
    const all = entries.entries;
    const onScreen = order?.peek();
    const at = (position: number) => (onScreen ? all[onScreen[position] ?? -1] : all[position]);
    const position = current ? (onScreen ? onScreen.indexOf(current.index) : current.index) : -1;
    const from = start ?? (current && position !== -1 ? position : direction === 1 ? -1 : all.length);
    for (let i = from + direction; i >= 0 && i < all.length; i += direction) {
      const candidate = at(i);
      if (candidate && accept(candidate) && isVisible(candidate)) return candidate;
    }
    return undefined;
  }

  function moveTo(next: Entry | undefined): Entry | undefined {
    if (!next) return undefined;
    const left = current;
    focus(next);
    if (left && left !== next) onLeave(left);
    return next;
  }

  return {
    get current() {
      return current;
    },
    focus,
    step(direction) {
      if (onScreen && !(current && onScreen.has(current.index))) {
        const inView = (entry: Entry) => onScreen.has(entry.index);
        const first = find(direction, inView, direction === 1 ? -1 : entries.entries.length);
        if (first) return moveTo(first);
      }
      return moveTo(find(direction, () => true));
    },
    nextUnseen(isUnseen) {
      const unseen = (entry: Entry) => isUnseen(entry.paper.id);
      return moveTo(find(1, unseen) ?? find(1, unseen, -1));
    },
    clear() {
      if (current) for (const node of current.nodes) node.removeAttribute(ENTRY_FLAGS.focused);
      current = undefined;
    },
  };
}
