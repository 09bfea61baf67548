/**
 * The sort order Sift remembers per listing kind (`new`, `recent`, `search`…): a reader who wants
 * "For you" on the daily listing need not want it on search results. A setting in
 * `storage.local`, a habit of one browser, so backups and sync leave it out.
 */
import { defineSetting } from '@/lib/platform/stored-setting';
import type { SortMode } from './listing-state';

/** Listing kind → its sort; a kind in arXiv's order has no key. */
export const rankingSortItem = defineSetting<Record<string, SortMode>>('local:rankingSort', {});

/** The stored sort of `kind`, read tolerantly: anything but `for-you` is arXiv's order. */
export async function loadSortMode(kind: string, item = rankingSortItem): Promise<SortMode> {
  const stored: unknown = await item.getValue();
  return typeof stored === 'object' && stored !== null && (stored as Record<string, unknown>)[kind] === 'for-you' ? 'for-you' : 'arxiv';
}

/** Remembers `mode` for `kind`. */
export async function saveSortMode(kind: string, mode: SortMode, item = rankingSortItem): Promise<void> {
  const { [kind]: _previous, ...others } = await item.getValue();
  await item.setValue(mode === 'for-you' ? { ...others, [kind]: mode } : others);
}
