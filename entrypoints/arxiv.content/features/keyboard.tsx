import type { Feature } from '@/lib/overlay/feature';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import { shortcutOf, type ShortcutCommand } from '@/lib/overlay/shortcuts';
import { ENTRY_FLAGS } from '@/lib/overlay/filters';
import type { Entry } from '@/lib/overlay/entry-index';

/**
 * Keyboard triage: j/k move a focus ring through the visible entries (scrolled into view), s/x/t/n
 * act on the focused entry, o/p open it, / focuses the filter, ? shows the shortcuts. Nothing fires
 * while the user types in a field or holds a modifier.
 */
export const keyboard: Feature = {
  id: 'keyboard',
  include: AUGMENTED_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'abs-2602.22195.html'],
  init({ signal, state, session, entries, document, dialogs, focusFilter }) {
    let current: Entry | undefined;

    const isVisible = (entry: Entry) => (entry.nodes[0] as HTMLElement | undefined)?.offsetParent !== null;

    function focusEntry(entry: Entry) {
      if (current) for (const node of current.nodes) node.removeAttribute(ENTRY_FLAGS.focused);
      current = entry;
      for (const node of entry.nodes) node.setAttribute(ENTRY_FLAGS.focused, '');
      entry.controls.querySelector('button')?.focus({ preventScroll: true });
      entry.nodes.at(-1)?.scrollIntoView({ block: 'nearest' });
      entry.nodes[0]?.scrollIntoView({ block: 'nearest' });
    }

    function step(direction: 1 | -1) {
      const all = entries.entries;
      const from = current?.index ?? (direction === 1 ? -1 : all.length);
      for (let i = from + direction; i >= 0 && i < all.length; i += direction) {
        const candidate = all[i];
        if (candidate && isVisible(candidate)) return focusEntry(candidate);
      }
    }

    /** The entry the user is on: the focus ring, or the entry holding keyboard focus. */
    function target(): Entry | undefined {
      return entries.entryOf(document.activeElement) ?? current;
    }

    const commands: Record<ShortcutCommand, () => void> = {
      next: () => step(1),
      previous: () => step(-1),
      star: () => withTarget((entry) => session.toggleStar(entry.paper)),
      hide: () =>
        withTarget((entry) => {
          const hiding = !state.annotationOf(entry.paper.id)?.hidden;
          void session.toggleHidden(entry.paper);
          if (hiding) step(1);
        }),
      tag: () => withTarget((entry) => dialogs.open({ kind: 'tags', entry })),
      note: () => withTarget((entry) => dialogs.open({ kind: 'note', entry })),
      open: () => withTarget((entry) => window.open(entry.paper.absUrl, '_blank', 'noopener')),
      pdf: () => withTarget((entry) => entry.paper.pdfUrl && window.open(entry.paper.pdfUrl, '_blank', 'noopener')),
      filter: () => focusFilter(),
      help: () => dialogs.open({ kind: 'help' }),
    };

    function withTarget(run: (entry: Entry) => unknown) {
      const entry = target();
      if (entry) {
        if (entry !== current) focusEntry(entry);
        run(entry);
      } else {
        step(1);
      }
    }

    document.addEventListener(
      'keydown',
      (event) => {
        if (dialogs.current.peek()) return;
        const command = shortcutOf(event);
        if (!command) return;
        event.preventDefault();
        commands[command]();
      },
      { signal },
    );
    signal.addEventListener('abort', () => current?.nodes.forEach((node) => node.removeAttribute(ENTRY_FLAGS.focused)));
  },
};
