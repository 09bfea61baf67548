import type { OverlayStatus } from '@/lib/store/api';
import { FILTERS, type FilterId } from '@/lib/overlay/filters';

/** What the popup knows about the tab it points at. */
export type PopupTab = { state: 'loading' } | { state: 'absent' } | { state: 'ready'; status: OverlayStatus };

export interface PopupViewProps {
  tab: PopupTab;
  /** Why the last action failed, if it did. */
  error?: string | undefined;
  onToggle(filter: FilterId): void;
  onOpenReadingList(): void;
  onOpenOptions(): void;
}

/** The toolbar popup: the current arXiv tab's counts and filter toggles, and the way to the pages. */
export function PopupView({ tab, error, onToggle, onOpenReadingList, onOpenOptions }: PopupViewProps) {
  return (
    <div class="page popup">
      <h1>Sift for arXiv</h1>
      {tab.state === 'loading' && <p class="muted">Asking this tab…</p>}
      {tab.state === 'absent' && <p class="hint">Open an arXiv listing to use Sift here</p>}
      {tab.state === 'ready' && (
        <>
          <ul class="counts" aria-label="Counts for this tab">
            <li>
              <strong>{tab.status.entries}</strong> entries
            </li>
            <li>
              <strong>{tab.status.starred}</strong> starred
            </li>
            <li>
              <strong>{tab.status.matching}</strong> matching
            </li>
            <li>
              <strong>{tab.status.unseen}</strong> unseen
            </li>
          </ul>
          <div class="filters" role="group" aria-label="Filters for this tab">
            {FILTERS.filter((filter) => tab.status.available.includes(filter.id)).map((filter) => (
              <button key={filter.id} type="button" class="toggle" aria-pressed={tab.status.filters[filter.id]} onClick={() => onToggle(filter.id)}>
                {filter.label}
              </button>
            ))}
          </div>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="popup-links">
        <button type="button" class="action primary" onClick={onOpenReadingList}>
          Open reading list
        </button>
        <button type="button" class="action" onClick={onOpenOptions}>
          Options
        </button>
      </div>
    </div>
  );
}
