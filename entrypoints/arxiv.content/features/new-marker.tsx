import { effect } from '@preact/signals';
import type { Feature } from '@/lib/overlay/feature';
import { kindsWhere } from '@/lib/arxiv/page-kinds';

/**
 * Marks entries that were not on this listing at the user's previous visit (the session records
 * the visit when it opens). The marker is a text badge ("New"), so it reads without colour.
 */
export const newMarker: Feature = {
  id: 'new-marker',
  include: kindsWhere((traits) => traits.tracksVisits),
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html'],
  init({ signal, state, entries, document }) {
    const badges: HTMLElement[] = [];
    const dispose = effect(() => {
      badges.splice(0).forEach((badge) => badge.remove());
      for (const id of state.newIds.value) {
        for (const entry of entries.byId(id)) {
          const badge = document.createElement('span');
          badge.className = 'sift-new-badge';
          badge.textContent = 'New';
          badge.title = 'New since your last visit to this listing';
          entry.controls.prepend(badge);
          badges.push(badge);
        }
      }
    });
    signal.addEventListener('abort', () => {
      dispose();
      badges.forEach((badge) => badge.remove());
    });
  },
};
