import { render } from 'preact';
import { Toolbar } from '@/components/Toolbar';
import { TagPicker } from '@/components/TagPicker';
import { NoteEditor } from '@/components/NoteEditor';
import { HelpDialog } from '@/components/HelpDialog';
import { RulesPanel } from '@/components/RulesPanel';
import { Modal } from '@/components/Modal';
import overlayCss from '@/components/overlay.css?inline';
import type { ArxivPage } from '@/lib/arxiv/types';
import { traitsOf } from '@/lib/arxiv/page-kinds';
import type { ListingState } from '@/lib/overlay/listing-state';
import type { Dialogs } from '@/lib/overlay/dialogs';
import type { ListingSession } from '@/lib/overlay/session';
import { checkRule } from '@/lib/rules/compile';
import { availableFilters } from '@/lib/overlay/filters';

export interface OverlayOptions {
  root: ShadowRoot;
  page: ArxivPage;
  state: ListingState;
  session: ListingSession;
  dialogs: Dialogs;
  signal: AbortSignal;
}

/**
 * Renders the page-level UI into the overlay's shadow root: the toolbar (on listings) and whichever
 * dialog is open.
 */
export function mountOverlay({ root, page, state, session, dialogs, signal }: OverlayOptions) {
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const container = document.createElement('div');
  container.className = 'sift-root';
  root.append(style, container);
  let filterInput: HTMLInputElement | null = null;
  const showToolbar = traitsOf(page.kind)?.toolbar ?? false;
  const available = availableFilters(page);

  function Overlay() {
    const dialog = dialogs.current.value;
    const tagColors = new Map(state.tags.value.map((t) => [t.name, t.color]));
    return (
      <>
        {showToolbar && (
          <Toolbar
            counts={state.counts.value}
            filters={state.filters.value}
            available={available}
            textFilter={state.textFilter.value}
            tagColors={tagColors}
            onToggle={(id) => state.toggleFilter(id)}
            onTextFilter={(text) => state.setTextFilter(text)}
            onOpenReadingList={() => void session.openPage('reading-list')}
            onOpenRules={() => dialogs.open({ kind: 'rules' })}
            onOpenHelp={() => dialogs.open({ kind: 'help' })}
            filterInputRef={(input) => (filterInput = input)}
          />
        )}
        {dialog?.kind === 'help' && <HelpDialog onClose={dialogs.close} />}
        {dialog?.kind === 'tags' && (
          <TagPicker
            paperTitle={dialog.entry.paper.title}
            tags={state.tags.value}
            selected={state.annotations.value.get(dialog.entry.paper.id)?.tags ?? []}
            onToggle={(tag, on) => void session.tag([dialog.entry.paper], tag, on)}
            onClose={dialogs.close}
          />
        )}
        {dialog?.kind === 'note' && (
          <NoteEditor
            paperTitle={dialog.entry.paper.title}
            note={state.annotations.value.get(dialog.entry.paper.id)?.note ?? ''}
            onSave={async (text) => {
              if (await session.note(dialog.entry.paper, text)) dialogs.close();
            }}
            onClose={dialogs.close}
          />
        )}
        {dialog?.kind === 'rules' && (
          <Modal title="Highlight rules" onClose={dialogs.close}>
            <RulesPanel
              rules={state.rules.value}
              validate={(rule) => {
                const checked = checkRule(rule);
                return checked.ok ? undefined : checked.error;
              }}
              onSave={(rule) => session.saveRule(rule)}
              onDelete={(id) => void session.deleteRule(id)}
              newId={() => crypto.randomUUID()}
              now={() => Date.now()}
            />
          </Modal>
        )}
      </>
    );
  }

  render(<Overlay />, container);
  signal.addEventListener('abort', () => render(null, container));
  return { focusFilter: () => filterInput?.focus() };
}
