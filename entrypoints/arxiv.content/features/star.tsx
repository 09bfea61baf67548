import { ALL_LISTING_KINDS, type Feature } from '@/lib/overlay/feature';
import { toggleStar } from '@/lib/overlay/actions';
import { onAnnotationChange } from '@/lib/overlay/sync';
import { addEntryButtons, onEntryButton } from '@/lib/overlay/entry-buttons';

/**
 * A star toggle on every entry: a real button whose accessible name stays "Star" and whose state
 * is `aria-pressed` (the ARIA toggle-button pattern), so screen readers announce "Star, toggle
 * button, pressed". The glyph comes from CSS on `aria-pressed`, so a change is one attribute.
 */
export const star: Feature = {
  id: 'star',
  include: ALL_LISTING_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'abs-2602.22195.html'],
  init({ signal, state, entries, document, notify }) {
    const buttons = addEntryButtons(entries, document, { className: 'sift-star', label: 'Star', title: 'Star (s)', kind: 'toggle' });

    onAnnotationChange(state, entries, signal, (entry, annotation) => {
      buttons[entry.index]?.setAttribute('aria-pressed', String(Boolean(annotation?.starred)));
    });

    onEntryButton(document, entries, 'sift-star', signal, async (entry) => {
      const error = await toggleStar(state, entry.paper);
      if (error) notify.failure('Could not save the star', error);
    });
  },
};
