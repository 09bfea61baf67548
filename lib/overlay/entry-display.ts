/**
 * Puts the filters' verdicts on the page: `data-sift-out` on every node of an entry a filter takes
 * off the page, which one stylesheet rule turns into `display: none`.
 *
 * A filter on a 2000-entry listing changes up to 4,000 nodes, and restyling them all costs the
 * browser 150–250 ms whatever the script does (one attribute on `<html>` with a descendant rule
 * was measured at that). So the writes go nearest the reader first: the first pass, in the same
 * task as the click or keystroke, covers the entries from the top of the screen down until a
 * screenful is settled; the rest follow in idle slices, outwards from the screen, and scroll
 * anchoring keeps the entries the reader looks at in place while those above them change. Counts,
 * selection and the keyboard never wait for that: they read the verdicts from the state
 * (visibility.ts), not from the page.
 */
import { effect, type ReadonlySignal } from '@preact/signals';
import type { EntryIndex } from './entry-index';
import { ENTRY_FLAGS } from './filters';
import type { OnScreen } from './on-screen';

/** Entries the first pass walks past that stay on the page: more than any screen holds. */
const SCREENFUL = 30;
/** Entries above the first on-screen one done in the first pass: what a tall screen shows of them. */
const ABOVE = 3;
/** A change this small (a star under "Only starred", a short listing) is written whole at once. */
const SMALL_CHANGE = 150;
/** Entries changed per idle slice: about a frame's worth of restyling each. */
const SLICE = 120;

/** Runs `work` when the page is idle; answers a function that cancels it. */
export type IdleScheduler = (work: () => void) => () => void;

const whenIdle: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') {
    // The timeout keeps the slices coming while the reader scrolls, when the browser is never idle.
    const handle = requestIdleCallback(work, { timeout: 100 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 0);
  return () => clearTimeout(handle);
};

export interface EntryDisplayOptions {
  /** Entry indices that must be off the page (see `Visibility.filteredOut`). */
  readonly filteredOut: ReadonlySignal<ReadonlySet<number>>;
  /** Entry indices in on-screen order, when "For you" moved them; arXiv's order otherwise. */
  readonly order?: ReadonlySignal<readonly number[] | undefined>;
  /** Where the reader is: the first pass starts at the first entry on screen. */
  readonly onScreen?: Pick<OnScreen, 'has'>;
  readonly signal: AbortSignal;
  /** The browser's idle callback; tests pass their own to step through the slices. */
  readonly schedule?: IdleScheduler;
}

/**
 * Keeps `data-sift-out` on the nodes of `entries` in step with `filteredOut`, screen first, the
 * rest in idle slices (see the module comment). A change that arrives before the slices finish
 * starts over from the screen with the new verdicts. On abort the flags come off every node.
 */
export function syncEntryDisplay(entries: EntryIndex, { filteredOut, order, onScreen, signal, schedule = whenIdle }: EntryDisplayOptions): void {
  const all = entries.entries;
  const written = new Uint8Array(all.length);
  let cancel: (() => void) | undefined;

  const write = (index: number, out: boolean) => {
    written[index] = out ? 1 : 0;
    for (const node of all[index]?.nodes ?? []) node.toggleAttribute(ENTRY_FLAGS.out, out);
  };

  const dispose = effect(() => {
    const wanted = filteredOut.value;
    const sequence = order?.value ?? all.map((_, index) => index);
    cancel?.();
    cancel = undefined;
    const pending = (index: number) => written[index] !== (wanted.has(index) ? 1 : 0);
    /** Brings entry `index` in line with `wanted`; answers whether that wrote anything. */
    const settle = (index: number | undefined): boolean => {
      if (index === undefined || !pending(index)) return false;
      write(index, wanted.has(index));
      return true;
    };

    let waiting = 0;
    for (let index = 0; index < all.length && waiting <= SMALL_CHANGE; index += 1) if (pending(index)) waiting += 1;
    if (waiting <= SMALL_CHANGE) {
      for (let index = 0; index < all.length; index += 1) settle(index);
      return;
    }

    const first = sequence.findIndex((index) => onScreen?.has(index));
    let below = Math.max(first, 0);
    let above = below - 1;
    for (const stop = below - ABOVE; above >= Math.max(stop, 0); above -= 1) settle(sequence[above]);
    // Down to a screenful of entries that stay, however many leave on the way ("Only starred"
    // with three stars hides the whole listing below the screen here). That bounds what the
    // pass shows by the screenful, and hiding is cheap: on the 2000-entry listing, hiding 10 or
    // 1,000 entries below the screen cost the same 30–70 ms to the next frame, the cost of
    // drawing the screen anew; showing 1,000 cost 95–115 ms.
    let staying = 0;
    for (; below < sequence.length && staying < SCREENFUL; below += 1) {
      const index = sequence[below]!;
      if (!wanted.has(index)) staying += 1;
      settle(index);
    }
    // Too few stay below to fill the screen: the page gets shorter, the browser scrolls up, and
    // the screen shows entries from above it, so those are settled now too.
    for (; above >= 0 && staying < SCREENFUL; above -= 1) {
      const index = sequence[above]!;
      if (!wanted.has(index)) staying += 1;
      settle(index);
    }

    const unfinished = () => below < sequence.length || above >= 0;
    // Outwards from the screen, one below for each one above, until both ends are reached.
    const slice = () => {
      cancel = undefined;
      for (let done = 0; done < SLICE && unfinished(); ) {
        if (below < sequence.length && settle(sequence[below++])) done += 1;
        if (above >= 0 && settle(sequence[above--])) done += 1;
      }
      if (unfinished()) cancel = schedule(slice);
    };
    if (unfinished()) cancel = schedule(slice);
  });

  signal.addEventListener(
    'abort',
    () => {
      dispose();
      cancel?.();
      for (let index = 0; index < all.length; index += 1) if (written[index] === 1) write(index, false);
    },
    { once: true },
  );
}
