import { effect } from '@preact/signals';
import type { Feature } from '@/lib/overlay/feature';
import { kindsWhere } from '@/lib/arxiv/page-kinds';
import { addEntryButtons, onEntryButton } from '@/lib/overlay/entry-buttons';
import { buttonControl, type EntryButtonSpec } from '@/lib/overlay/entry-controls';
import type { Entry } from '@/lib/overlay/entry-index';
import { withShortcut } from '@/lib/overlay/shortcuts';
import { i18n } from '#i18n';

/**
 * Abstracts where arXiv prints none (/recent, /pastweek, month and author listings): an
 * "Abstract" disclosure on each entry, filled from Sift's cache or arXiv's API as the session
 * receives them, and "Show abstracts" in the toolbar opens them all. Each arrived abstract becomes
 * the entry's abstract field, so rules, the text filter and exports see it. The text goes in as a
 * text node, TeX as typed (MathJax does not typeset what Sift inserts).
 */
function abstractButton(): EntryButtonSpec {
  const label = i18n.t('overlay.entry.abstract');
  const title = withShortcut(label, 'abstract');
  return { className: 'sift-abstract-toggle', label, title, kind: 'toggle', when: (paper) => !paper.abstract };
}

export const abstracts: Feature = {
  id: 'abstracts',
  include: kindsWhere((traits) => !traits.fields.includes('abstract')),
  checkedOn: ['list-recent-cs.DC.html', 'author-dai_d_1.html'],
  controls: () => [buttonControl(abstractButton())],
  init({ signal, state, entries, document }) {
    const lacking = entries.entries.filter((entry) => !entry.paper.abstract);
    const lackingIds = new Set(lacking.map((entry) => entry.paper.id));
    const buttons = addEntryButtons(entries, document, abstractButton());
    const blocks = new Map<number, HTMLElement>();

    /** The entry's abstract block, made on first need, after its metadata (arxiv-browse `dd > div.meta`). */
    function blockOf(entry: Entry): HTMLElement {
      let block = blocks.get(entry.index);
      if (block) return block;
      block = document.createElement('div');
      block.className = 'sift-abstract';
      block.setAttribute('data-sift-ui', '');
      block.id = `sift-abstract-${entry.index}`;
      block.textContent = state.abstracts.peek().get(entry.paper.id) ?? i18n.t('overlay.entry.fetchingAbstract');
      const meta = entry.nodes.at(-1)?.querySelector('div.meta');
      if (meta) meta.after(block);
      else entry.nodes.at(-1)?.append(block);
      buttons[entry.index]?.setAttribute('aria-controls', block.id);
      blocks.set(entry.index, block);
      return block;
    }

    // Open or closed by the button or the `a` key, both through the state.
    let opened: ReadonlySet<string> = new Set();
    const disposeOpen = effect(() => {
      const next = state.openAbstracts.value;
      for (const entry of lacking) {
        const open = next.has(entry.paper.id);
        if (open === opened.has(entry.paper.id)) continue;
        buttons[entry.index]?.setAttribute('aria-pressed', String(open));
        blockOf(entry).toggleAttribute('data-open', open);
      }
      opened = next;
    });

    const dispose = effect(() => {
      for (const [id, text] of state.abstracts.value) {
        if (!lackingIds.has(id)) continue;
        for (const entry of entries.byId(id)) {
          if (entry.paper.abstract === text) continue;
          const block = blockOf(entry);
          block.textContent = text;
          // The fetched abstract is the entry's abstract from now on: rules paint in it, the text
          // filter searches it, and a star snapshots it.
          entry.paper.abstract = text;
          entry.paper.element.fields.abstract = block;
        }
      }
    });

    onEntryButton(document, entries, 'sift-abstract-toggle', signal, (entry) => state.toggleAbstract(entry.paper.id));
    signal.addEventListener('abort', () => {
      dispose();
      disposeOpen();
      blocks.forEach((block) => block.remove());
    });
  },
};
