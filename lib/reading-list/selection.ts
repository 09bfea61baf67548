/**
 * The reading list's selection: which papers the bulk actions and "export selection" apply to.
 * Immutable values and pure transitions, like a file manager: click toggles one paper and makes
 * it the anchor, shift-click selects everything between the anchor and the clicked paper in the
 * order shown, and "select all" works on what the filters show.
 */

export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** The paper last toggled by a plain click: where a shift-click range starts. */
  readonly anchor?: string | undefined;
}

export const EMPTY_SELECTION: Selection = { ids: new Set() };

/** How much of the shown papers is selected: drives the "select all" checkbox (checked, mixed, clear). */
export type SelectionCoverage = 'none' | 'some' | 'all';

/** Selects `id` if it was not selected, deselects it otherwise, and makes it the anchor. */
export function toggleSelected(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (!ids.delete(id)) ids.add(id);
  return { ids, anchor: id };
}

/**
 * Shift-click: gives every paper from the anchor to `id` (inclusive, in the order shown) the state
 * the anchor has, so a range can select or deselect. Without an anchor among `order`, it is a
 * plain toggle. The anchor stays put, so a second shift-click re-draws the range from it.
 *
 * @example selectRange({ ids: new Set(['b']), anchor: 'b' }, ['a', 'b', 'c', 'd'], 'd') // b, c, d selected
 */
export function selectRange(selection: Selection, order: readonly string[], id: string): Selection {
  const from = selection.anchor === undefined ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return toggleSelected(selection, id);
  const on = selection.ids.has(order[from]!);
  const ids = new Set(selection.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    if (on) ids.add(order[i]!);
    else ids.delete(order[i]!);
  }
  return { ids, anchor: selection.anchor };
}

/** Selects (or deselects) every id in `shown`, leaving selected papers outside it as they are. */
export function setSelected(selection: Selection, shown: readonly string[], on: boolean): Selection {
  const ids = new Set(selection.ids);
  for (const id of shown) {
    if (on) ids.add(id);
    else ids.delete(id);
  }
  return { ids, anchor: selection.anchor };
}

/**
 * Drops selected ids that no longer exist (a paper unstarred elsewhere, a restore). Returns the
 * same object when nothing was dropped, so a component re-renders only on a real change.
 */
export function pruneSelection(selection: Selection, existing: ReadonlySet<string>): Selection {
  let dropped = false;
  for (const id of selection.ids) if (!existing.has(id)) dropped = true;
  const anchorGone = selection.anchor !== undefined && !existing.has(selection.anchor);
  if (!dropped && !anchorGone) return selection;
  const ids = new Set([...selection.ids].filter((id) => existing.has(id)));
  return { ids, anchor: anchorGone ? undefined : selection.anchor };
}

/** Whether none, some or all of `shown` are selected; an empty list counts as none. */
export function coverageOf(selection: Selection, shown: readonly string[]): SelectionCoverage {
  let count = 0;
  for (const id of shown) if (selection.ids.has(id)) count++;
  if (count === 0) return 'none';
  return count === shown.length ? 'all' : 'some';
}

/** The selected items of `items`, in their order. */
export function selectedOf<T extends { id: string }>(selection: Selection, items: readonly T[]): T[] {
  return items.filter((item) => selection.ids.has(item.id));
}
