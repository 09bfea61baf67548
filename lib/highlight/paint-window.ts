/**
 * Which entries carry painted ranges: those around the ones in view, not the whole listing.
 *
 * Chromium rebuilds the marker of every registered highlight range whenever the page changes, and
 * `::highlight()` rules make each style recalculation dearer, so every filter toggle, key and
 * scrolled frame pays for every range on the page. On the 2000-entry bench listing its 50 rules
 * make 27,524 ranges: toggles took 138–385 ms to their next frame, against 37–170 ms with 1,500
 * ranges painted (the same build, rules and minutes; a throwaway A/B), and a scripted scroll's
 * pre-paint work fell from 1.3–1.5 s to 0.3 s over 240 frames. Matching, which the counts and the
 * "Only matching" filter need, still covers every entry; only the ranges follow the reader.
 */

/** Entries painted on each side of those in view: a few screens' worth, so a scroll meets painted text. */
export const PAINT_REACH = 60;

/** A half-open span of entry indices, `[from, to)`. */
export interface PaintWindow {
  from: number;
  to: number;
}

/**
 * The window to paint once entries `first`…`last` (of `count`) are in view, or `undefined` when
 * `current` still reaches at least half of `reach` beyond them on both sides (or to the listing's
 * ends): a scroll repaints only after it has used up half the painted margin.
 *
 * @example nextPaintWindow(undefined, 500, 503, 2000) // { from: 440, to: 564 }
 */
export function nextPaintWindow(current: PaintWindow | undefined, first: number, last: number, count: number, reach = PAINT_REACH): PaintWindow | undefined {
  const margin = Math.floor(reach / 2);
  if (current) {
    const coveredAbove = current.from === 0 || first - current.from >= margin;
    const coveredBelow = current.to === count || current.to - 1 - last >= margin;
    if (coveredAbove && coveredBelow) return undefined;
  }
  return windowAround(first, last, count, reach);
}

/** `reach` entries on each side of entries `first`…`last`, clipped to the `count` there are. */
export function windowAround(first: number, last: number, count: number, reach = PAINT_REACH): PaintWindow {
  return { from: Math.max(0, first - reach), to: Math.min(count, last + 1 + reach) };
}
