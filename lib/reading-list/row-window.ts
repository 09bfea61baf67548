/**
 * Which rows of a long list to render. The reading list windows its rows by hand instead of using
 * a virtualisation library: every row has the same fixed height, so the visible range is two
 * divisions, and a dependency (react-window and friends target React, not Preact 11) would add
 * more code than it saves.
 */

export interface RowWindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Rows rendered beyond each edge, so a fast scroll does not show blank space for a frame. */
  overscan: number;
}

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Height of the whole list in pixels, for the scroll area. */
  height: number;
}

/**
 * The rows that intersect the viewport, plus `overscan` rows on each side, clamped to the list. A
 * `scrollTop` left over from a longer list (the filter just shrank it) is clamped too.
 *
 * @example rowWindow({ scrollTop: 800, viewportHeight: 400, rowHeight: 80, count: 10_000, overscan: 2 })
 * // { start: 8, end: 17, height: 800_000 }
 */
export function rowWindow({ scrollTop, viewportHeight, rowHeight, count, overscan }: RowWindowInput): RowWindow {
  const height = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, height: Math.max(0, height) };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, height - viewportHeight));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan), height };
}
