import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { FILTERS, type FilterFlags, type FilterId } from '@/lib/overlay/filters';
import type { ListingCounts } from '@/lib/overlay/listing-state';
import { withShortcut } from '@/lib/overlay/shortcuts';
import { sinceLabel, type SeenProgress } from '@/lib/overlay/seen-progress';
import type { ExportFormatId } from '@/lib/export/options';
import { ExportMenu, type ExportHow } from './ExportMenu';
import { abstractsLine } from '@/lib/overlay/abstract-progress';
import type { AbstractProgress } from '@/lib/overlay/listing-state';
import { fillSlots } from '@/lib/extension-pages/message-slots';

export interface ToolbarProps {
  counts: ListingCounts;
  filters: FilterFlags;
  /** The toggles that mean something on this page (no "Hide replacements" on a search page). */
  available: ReadonlySet<FilterId>;
  textFilter: string;
  tagColors: ReadonlyMap<string, string>;
  onToggle(id: FilterId): void;
  onTextFilter(text: string): void;
  onOpenReadingList(): void;
  onOpenRules(): void;
  onOpenHelp(): void;
  /** Exposes the filter input so the `/` shortcut can focus it. */
  filterInputRef?: (input: HTMLInputElement | null) => void;
  /** How far the reader got; `undoable` while "Mark all seen" can be undone. */
  seen: SeenProgress & { undoable: boolean };
  onMarkAllSeen(): void;
  onUndoMarkAllSeen(): void;
  /** Moves to the first unseen entry ("continue where you stopped"). */
  onContinue(): void;
  /** Entries the filters leave shown. */
  shown: number;
  /** Turns every filter off and empties the filter box. */
  onClearFilters(): void;
  onExportShown(format: ExportFormatId, how: ExportHow): void;
  /** Where fetching the abstracts the page did not print stands; absent where it printed them. */
  abstracts?: AbstractProgress | undefined;
  /** The "Sort: arXiv order / For you" control (components/SortControl.tsx), never folded away. */
  sort?: ComponentChildren;
}

/** Which count each filter toggle shows beside its label. */
const COUNT_OF: Partial<Record<FilterId, keyof Omit<ListingCounts, 'byTag' | 'all'>>> = {
  onlyStarred: 'starred',
  onlyMatching: 'matching',
  onlyUnseen: 'unseen',
  showHidden: 'hidden',
};

/**
 * The compact bar above the listing: live counts, filter toggles (real toggle buttons with
 * `aria-pressed`), the instant text filter and the way to the reading list.
 */
export function Toolbar(props: ToolbarProps) {
  const { counts, filters } = props;
  const local = useRef<HTMLInputElement | null>(null);
  const filtered = props.textFilter.trim() !== '' || FILTERS.some((filter) => filters[filter.id] && filter.id !== 'showHidden');
  const continueTitle = withShortcut(i18n.t('overlay.toolbar.continueTitle'), 'nextUnseen');
  const shortcutsTitle = withShortcut(i18n.t('overlay.toolbar.shortcuts'), 'help');
  const filterTitle = withShortcut(i18n.t('overlay.toolbar.filter'), 'filter');
  // Each group is drawn twice, in the row and in "More"; the bar's container queries (overlay.css)
  // show each in one place only, by the bar's width, so the bar stays one row at any width.
  const toggles = () =>
  FILTERS.filter((filter) => props.available.has(filter.id)).map((filter) => {
      const countKey = COUNT_OF[filter.id];
      return (
        <Toggle key={filter.id} pressed={filters[filter.id]} onClick={() => props.onToggle(filter.id)}>
          {filter.label}
          {countKey && <span class="badge">{counts[countKey]}</span>}
        </Toggle>
      );
  });
  const seenActions = () => (
    <>
        {props.seen.canContinue && (
          <button type="button" class="action" title={continueTitle} onClick={props.onContinue}>
            {i18n.t('overlay.toolbar.continue')}
          </button>
        )}
        {props.seen.undoable ? (
          <button type="button" class="action" onClick={props.onUndoMarkAllSeen}>
            {i18n.t('overlay.toolbar.undoMarkAllSeen')}
          </button>
        ) : (
          props.seen.unseen > 0 && (
            <button type="button" class="action" onClick={props.onMarkAllSeen}>
              {i18n.t('overlay.toolbar.markAllSeen')}
            </button>
          )
        )}
    </>
  );
  const rules = () => (
    <button type="button" class="action" onClick={props.onOpenRules}>
      {i18n.t('overlay.toolbar.rules')}
    </button>
  );
  const pageActions = () => (
    <>
        {filtered && (
          <button type="button" class="action" onClick={props.onClearFilters}>
            {i18n.t('overlay.toolbar.resetFilters')}
          </button>
        )}
        <ExportMenu label={i18n.t('overlay.toolbar.exportShown', [props.shown])} disabled={props.shown === 0} onExport={props.onExportShown} />
        <button type="button" class="action" onClick={props.onOpenReadingList}>
          {i18n.t('overlay.toolbar.readingList')}
        </button>
        <button type="button" class="action" aria-label={i18n.t('overlay.toolbar.shortcuts')} title={shortcutsTitle} onClick={props.onOpenHelp}>
          ?
        </button>
    </>
  );
  return (
    <div class="bar listing-bar" role="toolbar" aria-label={i18n.t('overlay.toolbar.label')}>
      <span class="count" title={i18n.t('overlay.toolbar.countTitle')}>
        {props.shown < counts.all
          ? fillSlots((marks) => i18n.t('overlay.toolbar.showing', { ...marks, all: counts.all }), { shown: <strong>{props.shown}</strong> })
          : // The words beside the count fold away on a narrow bar (overlay.css), the count stays.
            fillSlots((marks) => i18n.t('overlay.toolbar.entries', counts.all, marks), { count: <strong>{counts.all}</strong> }).map((part) =>
              typeof part === 'string' ? <span class="count-word">{part}</span> : part,
            )}
      </span>
      {props.sort}
      <span class="group" data-fold="wide">
        {toggles()}
      </span>
      {props.seen.lastSeenAt !== undefined && props.seen.unseen > 0 && (
        <span class="since" data-fold="info">
          {sinceLabel(props.seen.lastSeenAt)}
        </span>
      )}
      {props.abstracts && abstractsLine(props.abstracts) && (
        <span class="since" role="status">
          {abstractsLine(props.abstracts)}
        </span>
      )}
      <span class="group" data-fold="wide">
        {seenActions()}
      </span>
      <span class="tag-counts" data-fold="info">
        {[...counts.byTag].map(([tag, count]) =>
          count > 0 ? (
            <span key={tag} class="tag-count" style={{ '--chip': props.tagColors.get(tag) ?? '#888888' }}>
              {tag} <span class="badge">{count}</span>
            </span>
          ) : null,
        )}
      </span>
      <input
        type="search"
        class="filter"
        placeholder={i18n.t('overlay.toolbar.filterPlaceholder')}
        title={filterTitle}
        aria-label={i18n.t('overlay.toolbar.filter')}
        value={props.textFilter}
        ref={(input) => {
          local.current = input;
          props.filterInputRef?.(input);
        }}
        onInput={(event) => props.onTextFilter(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            props.onTextFilter('');
            event.currentTarget.blur();
          }
        }}
      />
      {props.textFilter && (
        <button
          type="button"
          class="action clear"
          aria-label={i18n.t('overlay.toolbar.clearFilterText')}
          onClick={() => {
            props.onTextFilter('');
            local.current?.focus();
          }}
        >
          ×
        </button>
      )}
      <span class="group" data-fold="narrow">
        {rules()}
      </span>
      <span class="group" data-fold="mid">
        {pageActions()}
      </span>
      <MoreMenu>
        <span class="group" data-fold="wide">
          {toggles()}
          {seenActions()}
        </span>
        <span class="group" data-fold="mid">
          {pageActions()}
        </span>
        <span class="group" data-fold="narrow">
          {rules()}
        </span>
      </MoreMenu>
    </div>
  );
}

/**
 * "More": the controls the bar's width folds away, in a disclosure panel. Escape closes it and
 * gives focus back to its button.
 */
function MoreMenu({ children }: { children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <span
      class="menu-wrap more"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          trigger.current?.focus();
        }
      }}
    >
      <button ref={trigger} type="button" class="action" aria-expanded={open} onClick={() => setOpen(!open)}>
        {i18n.t('overlay.toolbar.moreButton')}
      </button>
      {open && (
        <div class="menu" role="group" aria-label={i18n.t('overlay.toolbar.more')}>
          {children}
        </div>
      )}
    </span>
  );
}

function Toggle(props: { pressed: boolean; onClick(): void; children: ComponentChildren }) {
  return (
    <button type="button" class="toggle" aria-pressed={props.pressed} onClick={props.onClick}>
      {props.children}
    </button>
  );
}
