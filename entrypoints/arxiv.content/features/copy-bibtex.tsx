import type { Feature } from '@/lib/overlay/feature';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import { addEntryButtons, onEntryButton } from '@/lib/overlay/entry-buttons';
import { buttonControl, type EntryButtonSpec } from '@/lib/overlay/entry-controls';
import type { Entry } from '@/lib/overlay/entry-index';
import { toListingExport } from '@/lib/overlay/bulk-actions';
import { shortcutOf, withShortcut } from '@/lib/overlay/shortcuts';
import { i18n } from '#i18n';
import { exportOptionsOf, sharedExportPreferences } from '@/lib/export/preferences';
import { copyText } from '@/lib/platform/save-file';

/**
 * "Copy BibTeX" on every entry (and `c` on the focused one): the entry as the BibTeX exporter
 * writes it, with tags and notes only if the reader's export preferences put them in BibTeX.
 */
function citeButton(): EntryButtonSpec {
  const label = i18n.t('overlay.entry.copyBibtex');
  const title = withShortcut(label, 'copyBibtex');
  return { className: 'sift-cite', label, title, kind: 'action' };
}

export const copyBibtex: Feature = {
  id: 'copy-bibtex',
  include: AUGMENTED_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'abs-2602.22195.html'],
  controls: () => [buttonControl(citeButton())],
  init({ signal, state, navigator, entries, document, dialogs, notify }) {
    // Read now, so the stored choices are there by the first copy (a copy must follow the click at once).
    const preferences = sharedExportPreferences();
    addEntryButtons(entries, document, citeButton());

    const copy = async (entry: Entry) => {
      try {
        // The background writes the entry (the listing carries no exporter); the copy follows
        // that one round trip, inside the click's transient activation (5 s in both browsers).
        const file = await toListingExport([entry.paper], state, 'bibtex', exportOptionsOf(preferences.preferences.peek(), 'bibtex'));
        await copyText(file.text);
        notify.show(i18n.t('overlay.entry.copied', { title: entry.paper.title }));
      } catch (error) {
        notify.failure(i18n.t('overlay.entry.copyFailed'), error);
      }
    };

    onEntryButton(document, entries, 'sift-cite', signal, (entry) => void copy(entry));
    document.addEventListener(
      'keydown',
      (event) => {
        if (dialogs.current.peek() || shortcutOf(event) !== 'copyBibtex') return;
        const entry = entries.entryOf(document.activeElement) ?? navigator.current;
        if (!entry) return;
        event.preventDefault();
        void copy(entry);
      },
      { signal },
    );
  },
};
