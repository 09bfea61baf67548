import { i18n } from '#i18n';
import type { SortMode } from '@/lib/overlay/listing-state';
import { withShortcut } from '@/lib/overlay/shortcuts';

export interface SortControlProps {
  mode: SortMode;
  /** What "For you" learned from, or why it is off (empty until the model arrives). */
  note: string;
  /** Whether there are scores to sort by. */
  ready: boolean;
  onMode(mode: SortMode): void;
}

/**
 * "Sort: arXiv order / For you": two toggle buttons (one pressed), with the model's note as the
 * "For you" button's description, so a reader hears why it is off.
 */
export function SortControl({ mode, note, ready, onMode }: SortControlProps) {
  const arxivTitle = withShortcut(i18n.t('overlay.sort.arxivTitle'), 'sortForYou');
  const forYouTitle = withShortcut(note || i18n.t('overlay.sort.forYouTitle'), 'sortForYou');
  return (
    <span class="group sort" role="group" aria-label={i18n.t('overlay.sort.label')}>
      <span class="since">{i18n.t('overlay.sort.prefix')}</span>
      <button type="button" class="toggle" aria-pressed={mode === 'arxiv'} title={arxivTitle} onClick={() => onMode('arxiv')}>
        {i18n.t('overlay.sort.arxiv')}
      </button>
      <button
        type="button"
        class="toggle"
        aria-pressed={mode === 'for-you'}
        aria-describedby="sift-sort-note"
        title={forYouTitle}
        onClick={() => onMode('for-you')}
      >
        {i18n.t('overlay.sort.forYou')}
      </button>
      {/* Shown while "For you" is chosen but has nothing to sort by: the reader sees why. */}
      <span id="sift-sort-note" class="since" role="status" hidden={!(mode === 'for-you' && !ready && note)}>
        {note}
      </span>
    </span>
  );
}
