import type { Feature } from '@/lib/overlay/feature';
import { withShortcut } from '@/lib/overlay/shortcuts';
import { kindsWhere } from '@/lib/arxiv/page-kinds';
import { onAnnotationChange } from '@/lib/overlay/annotation-changes';
import { addEntryButtons, onEntryButton } from '@/lib/overlay/entry-buttons';
import type { Entry } from '@/lib/overlay/entry-index';

/**
 * A "Hide" toggle on every entry. A hidden entry collapses to one line: its `dd` is hidden by the
 * filter stylesheet and the `dt` shows the title and an Undo button, built only for hidden
 * entries. "Show hidden" in the toolbar reveals them all.
 */
export const hide: Feature = {
  id: 'hide',
  include: kindsWhere((traits) => traits.collapsible),
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html'],
  init({ signal, state, session, entries, document }) {
    const buttons = addEntryButtons(entries, document, { className: 'sift-hide', label: 'Hide', title: withShortcut('Hide', 'hide'), kind: 'toggle' });
    const collapsed = new Map<number, HTMLElement>();

    onAnnotationChange(state, entries, signal, (entry, annotation) => {
      const hidden = Boolean(annotation?.hidden);
      buttons[entry.index]?.setAttribute('aria-pressed', String(hidden));
      const line = collapsed.get(entry.index);
      if (hidden && !line) {
        const summary = document.createElement('span');
        summary.className = 'sift-collapsed';
        summary.setAttribute('data-sift-ui', '');
        const title = document.createElement('span');
        title.className = 'sift-collapsed-title';
        title.textContent = entry.paper.title;
        const undo = document.createElement('button');
        undo.type = 'button';
        undo.className = 'sift-btn sift-undo';
        undo.textContent = 'Undo';
        undo.setAttribute('aria-label', `Undo hide: ${entry.paper.title}`);
        summary.append(title, undo);
        entry.controls.after(summary);
        collapsed.set(entry.index, summary);
      } else if (!hidden && line) {
        line.remove();
        collapsed.delete(entry.index);
      }
    });
    signal.addEventListener('abort', () => collapsed.forEach((line) => line.remove()));

    const toggle = async (entry: Entry, refocus: boolean) => {
      const saved = await session.toggleHidden(entry.paper);
      if (saved && refocus) buttons[entry.index]?.focus();
    };
    onEntryButton(document, entries, 'sift-hide', signal, (entry) => void toggle(entry, false));
    // Undo removes its own button, so focus moves back to the entry's Hide toggle.
    onEntryButton(document, entries, 'sift-undo', signal, (entry) => void toggle(entry, true));
  },
};
