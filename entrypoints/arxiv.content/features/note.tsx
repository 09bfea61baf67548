import type { Feature } from '@/lib/overlay/feature';
import { withShortcut } from '@/lib/overlay/shortcuts';
import { i18n } from '#i18n';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import { onAnnotationChange } from '@/lib/overlay/annotation-changes';
import { addEntryButtons, onEntryButton } from '@/lib/overlay/entry-buttons';
import { buttonControl, type EntryButtonSpec } from '@/lib/overlay/entry-controls';
import { attachPrivateRoot } from '@/lib/overlay/private-root';

/**
 * A "Note" button on every entry that opens the note editor. A paper with a note shows a filled
 * icon, and the note appears as a tooltip on hover and on keyboard focus; the tooltip is the
 * button's description, so screen readers read it too.
 */
function noteButton(): EntryButtonSpec {
  const label = i18n.t('overlay.entry.note');
  const title = withShortcut(label, 'note');
  return { className: 'sift-note', label, title, kind: 'dialog', wrapClass: 'sift-note-wrap' };
}

export const note: Feature = {
  id: 'note',
  include: AUGMENTED_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'abs-2602.22195.html'],
  controls: () => [buttonControl(noteButton())],
  init({ signal, state, entries, document, dialogs }) {
    const spec = noteButton();
    const buttons = addEntryButtons(entries, document, spec);
    const tips = new Map<number, { host: HTMLElement; text: ShadowRoot }>();

    onAnnotationChange(state, entries, signal, (entry, annotation) => {
      const button = buttons[entry.index];
      if (!button) return;
      const text = annotation?.note;
      button.classList.toggle('sift-has-note', Boolean(text));
      let tip = tips.get(entry.index);
      if (!text) {
        tip?.host.remove();
        tips.delete(entry.index);
        // Described by the paper's title again, as before the note.
        if (entry.titleId) button.setAttribute('aria-describedby', entry.titleId);
        else button.removeAttribute('aria-describedby');
        button.title = spec.title;
        return;
      }
      if (!tip) {
        const host = document.createElement('span');
        host.className = 'sift-note-tip';
        host.setAttribute('role', 'tooltip');
        host.id = `sift-note-${entry.index}`;
        button.after(host);
        button.setAttribute('aria-describedby', host.id);
        // The note goes into the tip's own shadow root: the page sees a tooltip box, never the note.
        tip = { host, text: attachPrivateRoot(host) };
        tips.set(entry.index, tip);
      }
      tip.text.textContent = text;
      button.removeAttribute('title'); // the tooltip replaces the native one
    });

    onEntryButton(document, entries, 'sift-note', signal, (entry) => dialogs.open({ kind: 'note', entry }));
  },
};
