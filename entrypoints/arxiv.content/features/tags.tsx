import { effect } from '@preact/signals';
import type { Feature } from '@/lib/overlay/feature';
import { withShortcut } from '@/lib/overlay/shortcuts';
import { i18n } from '#i18n';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import { onAnnotationChange } from '@/lib/overlay/annotation-changes';
import { addEntryButtons, onEntryButton } from '@/lib/overlay/entry-buttons';
import { buttonControl, type EntryButtonSpec } from '@/lib/overlay/entry-controls';
import type { Entry } from '@/lib/overlay/entry-index';
import { DEFAULT_TAG_COLOR } from '@/lib/overlay/colors';
import { attachPrivateRoot } from '@/lib/overlay/private-root';
import chipsCss from '../chips.css?inline';

/**
 * A "Tags" button on every entry that opens the tag picker, and the entry's tags as coloured
 * chips. Chips are built only for tagged entries and re-coloured when the tag list changes.
 */
function tagButton(): EntryButtonSpec {
  const label = i18n.t('overlay.entry.tags');
  const title = withShortcut(label, 'tag');
  return { className: 'sift-tag', label, title, kind: 'dialog' };
}

export const tags: Feature = {
  id: 'tags',
  include: AUGMENTED_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'abs-2602.22195.html'],
  controls: () => [buttonControl(tagButton())],
  init({ signal, state, entries, document, dialogs }) {
    addEntryButtons(entries, document, tagButton());

    // Each box's chips live in its own shadow root: the page sees a box, never the tag names.
    const chipBoxes = new Map<number, { host: HTMLElement; list: HTMLElement }>();
    const colorOf = (tag: string) => state.tags.peek().find((t) => t.name === tag)?.color ?? DEFAULT_TAG_COLOR;
    const render = (entry: Entry, names: readonly string[]) => {
      let box = chipBoxes.get(entry.index);
      if (names.length === 0) {
        box?.host.remove();
        chipBoxes.delete(entry.index);
        return;
      }
      if (!box) {
        const host = document.createElement('span');
        host.className = 'sift-chips';
        const list = document.createElement('span');
        list.setAttribute('role', 'list');
        list.setAttribute('aria-label', i18n.t('overlay.entry.tagChips'));
        attachPrivateRoot(host, chipsCss).append(list);
        entry.controls.append(host);
        box = { host, list };
        chipBoxes.set(entry.index, box);
      }
      box.list.replaceChildren(
        ...names.map((name) => {
          const chip = document.createElement('span');
          chip.setAttribute('role', 'listitem');
          chip.textContent = name;
          chip.style.setProperty('--sift-chip', colorOf(name));
          return chip;
        }),
      );
    };

    onAnnotationChange(state, entries, signal, (entry, annotation) => render(entry, annotation?.tags ?? []));
    const dispose = effect(() => {
      state.tags.value; // re-colour when tags are recoloured or renamed elsewhere
      for (const [index] of chipBoxes) {
        const entry = entries.entries[index];
        if (entry) render(entry, state.annotationOf(entry.paper.id)?.tags ?? []);
      }
    });
    signal.addEventListener('abort', () => {
      dispose();
      chipBoxes.forEach((box) => box.host.remove());
    });

    onEntryButton(document, entries, 'sift-tag', signal, (entry) => dialogs.open({ kind: 'tags', entry }));
  },
};
