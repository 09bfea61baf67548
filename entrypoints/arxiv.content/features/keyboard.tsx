import type { Feature } from '@/lib/overlay/feature';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import { shortcutOf, type ShortcutCommand } from '@/lib/overlay/shortcuts';
import type { Entry } from '@/lib/overlay/entry-index';

/**
 * Keyboard triage: j/k move a focus ring through the visible entries (scrolled into view), u goes
 * to the next unseen one, s/x/t/n act on the focused entry, o/p open it, / focuses the filter, ?
 * shows the shortcuts. Nothing fires while the user types in a field or holds a modifier.
 */
export const keyboard: Feature = {
  id: 'keyboard',
  include: AUGMENTED_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'list-recent-cs.DC.html', 'abs-2602.22195.html'],
  init({ signal, state, session, navigator, entries, document, dialogs, focusFilter }) {
    /** The entry the user is on: the focus ring, or the entry holding keyboard focus. */
    const target = (): Entry | undefined => entries.entryOf(document.activeElement) ?? navigator.current;

    const open = (entry: Entry, url: string | undefined) => {
      if (!url) return;
      session.markSeen([entry.paper.id]);
      window.open(url, '_blank', 'noopener');
    };

    // Selection and copying answer their own keys (features/select.tsx, copy-bibtex.tsx).
    const commands: Partial<Record<ShortcutCommand, () => void>> = {
      next: () => navigator.step(1),
      previous: () => navigator.step(-1),
      nextUnseen: () => navigator.nextUnseen((id) => !state.seen.peek().has(id)),
      star: () => withTarget((entry) => session.toggleStar(entry.paper)),
      hide: () =>
        withTarget((entry) => {
          const hiding = !state.isHidden(entry.paper.id);
          void session.toggleHidden(entry.paper);
          if (hiding) navigator.step(1);
        }),
      tag: () => withTarget((entry) => dialogs.open({ kind: 'tags', entry })),
      note: () => withTarget((entry) => dialogs.open({ kind: 'note', entry })),
      abstract: () => withTarget((entry) => state.toggleAbstract(entry.paper.id)),
      open: () => withTarget((entry) => open(entry, entry.paper.absUrl)),
      pdf: () => withTarget((entry) => open(entry, entry.paper.pdfUrl)),
      filter: () => focusFilter(),
      help: () => dialogs.open({ kind: 'help' }),
    };

    function withTarget(run: (entry: Entry) => unknown) {
      const entry = target();
      if (entry) {
        if (entry !== navigator.current) navigator.focus(entry);
        run(entry);
      } else {
        // A page of one entry (an abs page) has nothing to choose: the first key acts on it.
        const first = navigator.step(1);
        if (first && entries.entries.length === 1) run(first);
      }
    }

    document.addEventListener(
      'keydown',
      (event) => {
        // A page script's synthetic key presses are not the reader's.
        if (!event.isTrusted || dialogs.current.peek()) return;
        const command = shortcutOf(event);
        const run = command && commands[command];
        if (!run) return;
        event.preventDefault();
        run();
      },
      { signal },
    );
    signal.addEventListener('abort', () => navigator.clear());
  },
};
