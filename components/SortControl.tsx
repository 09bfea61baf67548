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
  return (
    <span class="group sort" role="group" aria-label="Sort">
      <span class="since">Sort:</span>
      <button type="button" class="toggle" aria-pressed={mode === 'arxiv'} title={withShortcut('arXiv’s own order', 'sortForYou')} onClick={() => onMode('arxiv')}>
        arXiv order
      </button>
      <button
        type="button"
        class="toggle"
        aria-pressed={mode === 'for-you'}
        aria-describedby="sift-sort-note"
        title={withShortcut(note || 'By your interests', 'sortForYou')}
        onClick={() => onMode('for-you')}
      >
        For you
      </button>
      {/* Shown while "For you" is chosen but has nothing to sort by: the reader sees why. */}
      <span id="sift-sort-note" class="since" role="status" hidden={!(mode === 'for-you' && !ready && note)}>
        {note}
      </span>
    </span>
  );
}
