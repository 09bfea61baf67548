import { i18n } from '#i18n';
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

/** Stands in for the number in a count's message, so the number can be set in bold where the language puts it. */
const NUMBER_MARK = '\uE000';

type CountKey = 'popup.counts.entries' | 'popup.counts.starred' | 'popup.counts.matching' | 'popup.counts.unseen';

/** One count as a whole message (`29 entries`), its number in bold. */
function Count({ messageKey, n }: { messageKey: CountKey; n: number }) {
  const [before = '', after = ''] = i18n.t(messageKey, n, [NUMBER_MARK]).split(NUMBER_MARK);
  return (
    <li>
      {before}
      <strong>{n}</strong>
      {after}
    </li>
  );
}

/** The toolbar popup: the current arXiv tab's counts and filter toggles, and the way to the pages. */
export function PopupView({ tab, error, onToggle, onOpenReadingList, onOpenOptions }: PopupViewProps) {
  return (
    <div class="page popup">
      <h1>{i18n.t('extName')}</h1>
      {tab.state === 'loading' && <p class="muted">{i18n.t('popup.asking')}</p>}
      {tab.state === 'absent' && <p class="hint">{i18n.t('popup.absent')}</p>}
      {tab.state === 'ready' && (
        <>
          <ul class="counts" aria-label={i18n.t('popup.counts.label')}>
            <Count messageKey="popup.counts.entries" n={tab.status.entries} />
            <Count messageKey="popup.counts.starred" n={tab.status.starred} />
            <Count messageKey="popup.counts.matching" n={tab.status.matching} />
            <Count messageKey="popup.counts.unseen" n={tab.status.unseen} />
          </ul>
          <div class="filters" role="group" aria-label={i18n.t('popup.filters')}>
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
          {i18n.t('popup.openReadingList')}
        </button>
        <button type="button" class="action" onClick={onOpenOptions}>
          {i18n.t('popup.options')}
        </button>
      </div>
    </div>
  );
}
