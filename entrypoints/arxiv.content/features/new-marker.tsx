import { ALL_LISTING_KINDS, type Feature } from '@/lib/overlay/feature';
import { callApi } from '@/lib/store/client';
import { listingKeyOf } from '@/lib/arxiv/url';

/**
 * Marks entries that were not on this listing at the user's previous visit, and records this
 * visit. The marker is a text badge ("New"), so it reads without colour.
 */
export const newMarker: Feature = {
  id: 'new-marker',
  include: ALL_LISTING_KINDS.filter((kind) => kind !== 'abs' && kind !== 'search'),
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html'],
  async init({ signal, state, entries, document }) {
    const listing = listingKeyOf(location.href);
    if (!listing) return;
    const { newIds } = await callApi('visits.record', { listing, ids: entries.ids() });
    if (signal.aborted) return;
    state.setNewIds(newIds);
    const badges: HTMLElement[] = [];
    for (const id of state.newIds.peek()) {
      for (const entry of entries.byId(id)) {
        const badge = document.createElement('span');
        badge.className = 'sift-new-badge';
        badge.textContent = 'New';
        badge.title = 'New since your last visit to this listing';
        entry.controls.prepend(badge);
        badges.push(badge);
      }
    }
    signal.addEventListener('abort', () => badges.forEach((badge) => badge.remove()));
  },
};
