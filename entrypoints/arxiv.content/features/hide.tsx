import { ALL_LISTING_KINDS, type Feature } from '@/lib/overlay/feature';
import { toggleHidden } from '@/lib/overlay/actions';
import { onAnnotationChange } from '@/lib/overlay/sync';

/**
 * A "Hide" toggle on every entry. A hidden entry collapses to one line: its `dd` is hidden by the
 * filter stylesheet and the `dt` shows the title and an Undo button, built only for hidden
 * entries. "Show hidden" in the toolbar reveals them all.
 */
export const hide: Feature = {
  id: 'hide',
  include: ALL_LISTING_KINDS.filter((kind) => kind !== 'abs'),
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html'],
  init({ signal, state, entries, document, notify }) {
    const template = document.createElement('button');
    template.type = 'button';
    template.className = 'sift-btn sift-hide';
    template.setAttribute('aria-pressed', 'false');
    template.setAttribute('aria-label', 'Hide');
    template.title = 'Hide (x)';
    const buttons = entries.entries.map((entry) => {
      const button = template.cloneNode(false) as HTMLButtonElement;
      entry.controls.append(button);
      return button;
    });
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

    document.addEventListener(
      'click',
      async (event) => {
        const button = (event.target as Element | null)?.closest?.('button.sift-hide, button.sift-undo');
        const entry = button && entries.entryOf(button);
        if (!entry) return;
        const wasUndo = button.classList.contains('sift-undo');
        const error = await toggleHidden(state, entry.paper);
        if (error) notify.show(`Could not save: ${error.message}`, 'error');
        else if (wasUndo) buttons[entry.index]?.focus();
      },
      { signal },
    );
  },
};
