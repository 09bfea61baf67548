import { effect, signal as createSignal } from '@preact/signals';
import { render } from 'preact';
import { i18n } from '#i18n';
import { Toolbar } from '@/components/Toolbar';
import { SortControl } from '@/components/SortControl';
import { TagPicker } from '@/components/TagPicker';
import { NoteEditor } from '@/components/NoteEditor';
import { HelpDialog } from '@/components/HelpDialog';
import { RulesPanel } from '@/components/RulesPanel';
import { Modal } from '@/components/Modal';
import overlayCss from '@/components/overlay.css?inline';
import type { ArxivId, ArxivPage } from '@/lib/arxiv/types';
import { traitsOf } from '@/lib/arxiv/page-kinds';
import type { ListingState } from '@/lib/overlay/listing-state';
import { createDialogs } from '@/lib/overlay/dialogs';
import type { EntryIndex } from '@/lib/overlay/entry-index';
import { createNavigator } from '@/lib/overlay/navigator';
import { watchOnScreen } from '@/lib/overlay/on-screen';
import type { ListingSession } from '@/lib/overlay/session';
import { seenProgressOf } from '@/lib/overlay/seen-progress';
import { checkRuleShape } from '@/lib/rules/compile';
import { availableFilters, FILTERS } from '@/lib/overlay/filters';
import { SelectionBar } from '@/components/SelectionBar';
import { BulkTagDialog } from '@/components/BulkTagDialog';
import type { ExportHow } from '@/components/ExportMenu';
import type { Paper } from '@/lib/arxiv/types';
import type { ExportFormatId } from '@/lib/export/options';
import { exportOptionsOf, sharedExportPreferences } from '@/lib/export/preferences';
import { createBulkActions, toListingExport } from '@/lib/overlay/bulk-actions';
import { createSelection } from '@/lib/overlay/selection';
import { visibilityOf } from '@/lib/overlay/visibility';
import { rememberListingFilters } from '@/lib/settings/listing-filters';
import { copyText, saveFile } from '@/lib/platform/save-file';

/** The focused element, looking inside shadow roots (the toolbar's buttons live in one). */
function deepActiveElement(doc: Document): HTMLElement | undefined {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== doc.body ? active : undefined;
}

export interface OverlayOptions {
  root: ShadowRoot;
  page: ArxivPage;
  state: ListingState;
  session: ListingSession;
  entries: EntryIndex;
  signal: AbortSignal;
}

/**
 * Renders the page-level UI into the overlay's shadow root: the toolbar (on listings) and whichever
 * dialog is open. Returns what features share with it: the dialogs, the keyboard's navigator (moving
 * past an entry marks it seen) and the filter box's focus.
 */
export function mountOverlay({ root, page, state, session, entries, signal }: OverlayOptions) {
  const dialogs = createDialogs();
  const onScreen = watchOnScreen(entries, root.ownerDocument, signal);
  const { filteredOut } = visibilityOf(state, entries);
  const navigator = createNavigator(entries, {
    onLeave: (left) => session.markSeen([left.paper.id]),
    isFilteredOut: (index) => filteredOut.peek().has(index),
    order: state.entryOrder,
    onScreen,
  });
  /** The ids "Mark all seen" marked, while its Undo is on offer. */
  const lastMarked = createSignal<readonly ArxivId[]>([]);
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const container = document.createElement('div');
  container.className = 'sift-root';
  root.append(style, container);
  // The toolbar and dialogs act only on the reader's own input: a page script's synthetic click,
  // key, submit or checkbox change stops here, before any handler below can star, delete or open
  // anything. A <select>'s change only edits a draft, and browser automation changes selects
  // with synthetic events, so those pass.
  for (const type of ['click', 'keydown', 'submit', 'change']) {
    container.addEventListener(
      type,
      (event) => {
        const draftOnly = type === 'change' && event.target instanceof HTMLSelectElement;
        if (!event.isTrusted && !draftOnly) event.stopImmediatePropagation();
      },
      { capture: true, signal },
    );
  }
  let filterInput: HTMLInputElement | null = null;
  const showToolbar = traitsOf(page.kind)?.toolbar ?? false;
  const available = availableFilters(page);
  const visibility = visibilityOf(state, entries);
  const selection = createSelection(entries, visibility.shown, state.entryOrder);
  const bulk = createBulkActions(session, state);
  const bulkTagging = createSignal(false);
  // Closing any dialog gives focus back to what opened it (an entry's button, a toolbar button).
  // The modal makes the page inert while it is open, so focus goes back once it has unmounted,
  // and only if nothing has it by then: Chromium runs input before timers, so a reader who
  // pressed Escape, `/` and typed could have the filter box's focus taken back mid-word and the
  // next letters run as shortcuts (s starred, x hid).
  let opener: HTMLElement | undefined;
  const disposeFocusReturn = effect(() => {
    const open = dialogs.current.value !== undefined || bulkTagging.value;
    if (open) opener ??= deepActiveElement(document);
    else if (opener) {
      const back = opener;
      opener = undefined;
      setTimeout(() => {
        if (!deepActiveElement(document)) back.focus();
      }, 0);
    }
  });
  signal.addEventListener('abort', disposeFocusReturn, { once: true });
  if (showToolbar && page.archive) {
    void rememberListingFilters(state, page.archive, signal).catch((error: unknown) => console.info('[sift] remembered filters unavailable:', error));
  }
  const exportPreferences = sharedExportPreferences();
  /** Why the last export failed (a copy needs the page focused), shown beside the bars. */
  const exportError = createSignal('');

  async function exportPapers(papers: readonly Paper[], format: ExportFormatId, how: ExportHow) {
    try {
      exportError.value = '';
      const file = await toListingExport(papers, state, format, exportOptionsOf(exportPreferences.preferences.peek(), format));
      if (how === 'download') saveFile(file);
      else await copyText(file.text);
    } catch (error) {
      exportError.value = i18n.t('overlay.page.exportFailed', [error instanceof Error ? error.message : String(error)]);
    }
  }

  function clearFilters() {
    state.setTextFilter('');
    for (const filter of FILTERS) state.toggleFilter(filter.id, false);
  }

  function Overlay() {
    const dialog = dialogs.current.value;
    const tagColors = new Map(state.tags.value.map((t) => [t.name, t.color]));
    const shown = visibility.shown.value;
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
            seen={{ ...seenProgressOf(entries, state.seen.value), undoable: lastMarked.value.length > 0 }}
            abstracts={state.abstractProgress.value}
            sort={<SortControl mode={state.sortMode.value} note={state.rankingNote.value} ready={state.scores.value.size > 0} onMode={state.setSortMode} />}
            onMarkAllSeen={async () => void (lastMarked.value = await session.markAllSeen())}
            onUndoMarkAllSeen={async () => {
              if (await session.unmarkSeen(lastMarked.peek())) lastMarked.value = [];
            }}
            onContinue={() => navigator.nextUnseen((id) => !state.seen.peek().has(id))}
            shown={shown.length}
            onClearFilters={clearFilters}
            onExportShown={(format, how) => void exportPapers(shown.map((entry) => entry.paper), format, how)}
          />
        )}
        {showToolbar && shown.length === 0 && (
          <p class="empty" role="status">
            {i18n.t('overlay.page.noMatch')}{' '}
            <button type="button" class="action" onClick={clearFilters}>
              {i18n.t('overlay.page.clearFilters')}
            </button>
          </p>
        )}
        {showToolbar && (selection.count.value > 0 || bulk.undo.value) && (
          <SelectionBar
            count={selection.count.value}
            shown={shown.length}
            undoLabel={bulk.undo.value?.label}
            onStar={(starred) => void bulk.star(selection.papers(), starred)}
            onTag={() => (bulkTagging.value = true)}
            onHide={() => void bulk.hide(selection.papers())}
            onMarkSeen={() => bulk.markSeen(selection.papers())}
            onExport={(format, how) => void exportPapers(selection.papers(), format, how)}
            onSelectShown={selection.selectShown}
            onClear={selection.clear}
            onUndo={() => void bulk.runUndo()}
          />
        )}
        {exportError.value && (
          <p class="empty" role="alert">
            {exportError.value}
          </p>
        )}
        {bulkTagging.value && (
          <BulkTagDialog
            count={selection.count.value}
            tags={state.tags.value}
            onApply={(tag) => {
              bulkTagging.value = false;
              void bulk.tag(selection.papers(), tag);
            }}
            onClose={() => (bulkTagging.value = false)}
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
          <Modal title={i18n.t('overlay.page.rulesTitle')} onClose={dialogs.close}>
            <RulesPanel
              rules={state.rules.value}
              // The cheap checks only, so the listing carries no regex safety detector: the
              // background judges the rule on save, and session.saveRule rejects with its reason.
              validate={(rule) => {
                const checked = checkRuleShape(rule);
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
  return { dialogs, navigator, onScreen, selection, focusFilter: () => filterInput?.focus() };
}
