import { ALL_LISTING_KINDS, type Feature } from '@/lib/overlay/feature';
import { toggleStar } from '@/lib/overlay/actions';
import { onAnnotationChange } from '@/lib/overlay/sync';

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
    const template = document.createElement('button');
    template.type = 'button';
    template.className = 'sift-btn sift-star';
    template.setAttribute('aria-pressed', 'false');
    template.setAttribute('aria-label', 'Star');
    template.title = 'Star (s)';
    const buttons = entries.entries.map((entry) => {
      const button = template.cloneNode(false) as HTMLButtonElement;
      entry.controls.append(button);
      return button;
    });

    onAnnotationChange(state, entries, signal, (entry, annotation) => {
      buttons[entry.index]?.setAttribute('aria-pressed', String(Boolean(annotation?.starred)));
    });

    document.addEventListener(
      'click',
      async (event) => {
        const button = (event.target as Element | null)?.closest?.('button.sift-star');
        const entry = button && entries.entryOf(button);
        if (!entry) return;
        const error = await toggleStar(state, entry.paper);
        if (error) notify.show(`Could not save the star: ${error.message}`, 'error');
      },
      { signal },
    );
  },
};
