/**
 * The listing filters Sift remembers per arXiv archive (`cs.DC`, `astro-ph`…), so a reader who
 * only wants unseen, non-cross-listed entries of cs.DC gets them again after a reload or on the
 * next day's listing. A setting in `storage.local`: a habit of one browser, not the
 * reader's data, so backups and sync leave it out.
 */
import { effect } from '@preact/signals';
import { defineSetting } from '@/lib/platform/stored-setting';
import { FILTERS, type FilterFlags, type FilterId } from '@/lib/overlay/filters';
import type { ListingState } from '@/lib/overlay/listing-state';

export interface SavedFilters {
  /** Only the toggles that are on. */
  on: FilterId[];
  text: string;
}

/** Archive → its filters; an archive with nothing on has no key. */
export const listingFiltersItem = defineSetting<Record<string, SavedFilters>>('local:listingFilters', {});

/** Longer filter text is a paste by mistake, not a habit worth keeping. */
const MAX_TEXT = 500;
/** How long the filters settle before they are written (typing in the filter box). */
const SAVE_AFTER_MS = 400;

/**
 * The filters stored for `archive`, read tolerantly: unknown toggles and non-string text are
 * dropped, so a broken value never breaks the listing.
 */
export function parseSavedFilters(stored: unknown, archive: string): SavedFilters | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const entry = (stored as Record<string, unknown>)[archive];
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { on, text } = entry as { on?: unknown; text?: unknown };
  const known = new Set<string>(FILTERS.map((filter) => filter.id));
  return {
    on: Array.isArray(on) ? (on.filter((id) => typeof id === 'string' && known.has(id)) as FilterId[]) : [],
    text: typeof text === 'string' ? text.slice(0, MAX_TEXT) : '',
  };
}

/** What is worth saving of the current filters, or undefined when none is on. */
export function toSavedFilters(flags: FilterFlags, text: string): SavedFilters | undefined {
  const on = FILTERS.map((filter) => filter.id).filter((id) => flags[id]);
  const trimmed = text.trim().slice(0, MAX_TEXT);
  return on.length === 0 && trimmed === '' ? undefined : { on, text: trimmed };
}

/**
 * Restores `archive`'s filters into `state`, then saves every change back (after a short pause)
 * until `signal` aborts. Resolves once the stored filters are applied.
 */
export async function rememberListingFilters(state: ListingState, archive: string, signal: AbortSignal, item = listingFiltersItem): Promise<void> {
  const saved = parseSavedFilters(await item.getValue(), archive);
  if (signal.aborted) return;
  if (saved) {
    for (const id of saved.on) state.toggleFilter(id, true);
    if (saved.text) state.setTextFilter(saved.text);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  const dispose = effect(() => {
    const next = toSavedFilters(state.filters.value, state.textFilter.value);
    // The first run only reads what was just restored: nothing to write.
    if (first) return void (first = false);
    clearTimeout(timer);
    timer = setTimeout(() => void save(next), SAVE_AFTER_MS);
  });
  const save = async (next: SavedFilters | undefined) => {
    const all = { ...(await item.getValue()) };
    if (next) all[archive] = next;
    else delete all[archive];
    await item.setValue(all);
  };
  signal.addEventListener(
    'abort',
    () => {
      dispose();
      clearTimeout(timer);
    },
    { once: true },
  );
}
