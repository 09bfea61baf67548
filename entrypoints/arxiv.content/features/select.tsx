import { effect } from '@preact/signals';
import type { Feature } from '@/lib/overlay/feature';
import { AUGMENTED_KINDS, PAGE_KINDS } from '@/lib/arxiv/page-kinds';
import { addEntryButtons } from '@/lib/overlay/entry-buttons';
import { buttonControl, type EntryButtonSpec } from '@/lib/overlay/entry-controls';
import type { Entry } from '@/lib/overlay/entry-index';
import { shortcutOf, withShortcut } from '@/lib/overlay/shortcuts';
import { i18n } from '#i18n';
import type { ArxivId } from '@/lib/arxiv/types';

/**
 * A select box on every listing entry for bulk work: click toggles, shift+click selects the
 * shown entries from the last one toggled; `v` toggles the focused entry and shift+j/k select on
 * while moving. The selection bar (overlay.tsx) acts on what is selected.
 */
function selectButton(): EntryButtonSpec {
  const label = i18n.t('overlay.entry.select');
  const title = withShortcut(label, 'select');
  return { className: 'sift-select', label, title, kind: 'toggle' };
}

export const select: Feature = {
  id: 'select',
  // The selection bar lives in the toolbar's place: pages without a toolbar (abs) have nothing to select.
  include: AUGMENTED_KINDS.filter((kind) => PAGE_KINDS[kind].toolbar),
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html'],
  controls: () => [buttonControl(selectButton())],
  init({ signal, selection, navigator, entries, document, dialogs }) {
    const boxes = addEntryButtons(entries, document, selectButton());

    let previous: ReadonlySet<ArxivId> = new Set();
    const dispose = effect(() => {
      const next = selection.ids.value;
      const press = (id: ArxivId, on: boolean) => {
        for (const entry of entries.byId(id)) boxes[entry.index]?.setAttribute('aria-pressed', String(on));
      };
      for (const id of next) if (!previous.has(id)) press(id, true);
      for (const id of previous) if (!next.has(id)) press(id, false);
      previous = next;
    });
    signal.addEventListener('abort', dispose, { once: true });

    document.addEventListener(
      'click',
      (event) => {
        // Only the reader's own clicks select: a page script's synthetic click must not.
        if (!event.isTrusted) return;
        const box = (event.target as Element | null)?.closest?.('button.sift-select');
        const entry = box && entries.entryOf(box);
        if (!entry) return;
        if (event.shiftKey) selection.extendTo(entry);
        else selection.toggle(entry);
      },
      { signal },
    );

    const target = (): Entry | undefined => entries.entryOf(document.activeElement) ?? navigator.current;
    const extend = (direction: 1 | -1) => {
      const from = target();
      if (from) selection.add([from]);
      const to = navigator.step(direction);
      if (to) selection.extendTo(to);
    };

    document.addEventListener(
      'keydown',
      (event) => {
        if (dialogs.current.peek()) return;
        const command = shortcutOf(event);
        if (command === 'select') {
          const entry = target() ?? navigator.step(1);
          if (entry) selection.toggle(entry);
        } else if (command === 'extendNext') extend(1);
        else if (command === 'extendPrevious') extend(-1);
        else return;
        event.preventDefault();
      },
      { signal },
    );
  },
};
