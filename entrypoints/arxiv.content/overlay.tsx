import { render } from 'preact';
import { Toolbar } from '@/components/Toolbar';
import { TagPicker } from '@/components/TagPicker';
import { NoteEditor } from '@/components/NoteEditor';
import { HelpDialog } from '@/components/HelpDialog';
import { RulesPanel } from '@/components/RulesPanel';
import { Modal } from '@/components/Modal';
import overlayCss from '@/components/overlay.css?inline';
import type { ArxivPage } from '@/lib/arxiv/types';
import type { ListingState } from '@/lib/overlay/listing-state';
import type { Dialogs } from '@/lib/overlay/dialogs';
import type { Notifier } from '@/lib/overlay/notify';
import { setNote, setTagged } from '@/lib/overlay/actions';
import { checkRule } from '@/lib/rules/compile';
import { FILTERS, type FilterId } from '@/lib/overlay/filters';
import { callApi } from '@/lib/store/client';

export interface OverlayOptions {
  root: ShadowRoot;
  page: ArxivPage;
  state: ListingState;
  dialogs: Dialogs;
  notify: Notifier;
  signal: AbortSignal;
}

/**
 * Renders the page-level UI into the overlay's shadow root: the toolbar (on listings) and whichever
 * dialog is open.
 */
export function mountOverlay({ root, page, state, dialogs, notify, signal }: OverlayOptions) {
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const container = document.createElement('div');
  container.className = 'sift-root';
  root.append(style, container);
  let filterInput: HTMLInputElement | null = null;
  const showToolbar = page.kind !== 'abs';
  const available = availableFilters(page);

  const report = (what: string) => (error: unknown) => notify.failure(what, error);
  const refreshTags = () => callApi('tags.list', {}).then(state.setTags, report('Could not load tags'));
  const refreshRules = () => callApi('rules.list', {}).then(state.setRules, report('Could not load rules'));

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
            onOpenReadingList={() => callApi('pages.open', { page: 'reading-list' }).catch(report('Could not open the reading list'))}
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
            onToggle={async (tag, on) => {
              const error = await setTagged(state, [dialog.entry.paper], tag, on);
              if (error) report('Could not save the tag')(error);
              else if (!state.tags.peek().some((t) => t.name === tag)) await refreshTags();
            }}
            onClose={dialogs.close}
          />
        )}
        {dialog?.kind === 'note' && (
          <NoteEditor
            paperTitle={dialog.entry.paper.title}
            note={state.annotations.value.get(dialog.entry.paper.id)?.note ?? ''}
            onSave={async (text) => {
              const error = await setNote(state, dialog.entry.paper, text);
              if (error) report('Could not save the note')(error);
              else dialogs.close();
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
              onSave={async (rule) => {
                await callApi('rules.upsert', { rule });
                if (rule.action !== 'highlight' && rule.enabled) state.applyRuleNow(rule.id);
                await refreshRules();
              }}
              onDelete={async (id) => {
                await callApi('rules.delete', { id }).catch(report('Could not delete the rule'));
                await refreshRules();
              }}
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
  return { focusFilter: () => filterInput?.focus(), refreshTags, refreshRules };
}

/** Filters that can change something on this page. */
function availableFilters(page: ArxivPage): ReadonlySet<FilterId> {
  const sections = new Set(page.papers.map((paper) => paper.section));
  const tracksVisits = page.kind !== 'search' && page.kind !== 'abs';
  return new Set(
    FILTERS.map((filter) => filter.id).filter(
      (id) => (id !== 'hideCross' || sections.has('cross')) && (id !== 'hideReplacements' || sections.has('replacement')) && (id !== 'onlyNew' || tracksVisits),
    ),
  );
}
