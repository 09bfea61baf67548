import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { exportFormatOf, type ExportFormatId } from '@/lib/export';
import type { PaperRecord } from '@/lib/store/db';
import { DEFAULT_TAG_COLOR } from '@/lib/overlay/colors';
import { toExportFile, type ExportFile } from '@/lib/reading-list/export';
import { choiceOf, exportScopeOf, listScopeLabel, recordsInScope, type ScopeChoice } from '@/lib/reading-list/export-scope';
import { describeRefusal, isSettled, withPendingEdits, type PaperEdit, type PendingEdit } from '@/lib/reading-list/pending-edits';
import {
  DEFAULT_QUERY,
  SORT_KEYS,
  countTags,
  countTagsOf,
  createPaperIndexer,
  isNarrowed,
  isReadingListPaper,
  queryReadingList,
  type ReadingListQuery,
  type SortKey,
} from '@/lib/reading-list/query';
import {
  EMPTY_SELECTION,
  coverageOf,
  pruneSelection,
  selectRange,
  selectedOf,
  setSelected,
  toggleSelected,
  type Selection,
} from '@/lib/reading-list/selection';
import { BulkTagDialog } from './BulkTagDialog';
import { BulkUntagDialog } from './BulkUntagDialog';
import { ExportControls } from './ExportControls';
import { PaperDetails } from './PaperDetails';
import { PaperRow } from './PaperRow';
import type { TagOption } from './TagPicker';
import { VirtualList } from './VirtualList';

export interface ReadingListProps {
  /** Every stored paper record; `undefined` while the first read is running. */
  papers: readonly PaperRecord[] | undefined;
  /**
   * Whether `papers` are only the first rows (the most recently starred) while the rest load:
   * counts say so, and exports and select-all wait, since they would miss papers.
   */
  partial?: boolean | undefined;
  tags: readonly TagOption[];
  /** Why the store could not be read, if it could not. */
  loadError?: string | undefined;
  onTag(records: readonly PaperRecord[], tag: string, on: boolean): Promise<void>;
  onUnstar(records: readonly PaperRecord[]): Promise<void>;
  /** Marks papers read or unread (the "Unread only" filter); opening a paper's abstract or PDF reads it. */
  onMarkRead(records: readonly PaperRecord[], read: boolean): Promise<void>;
  /** Stars, tags or notes one paper from its details; resolves with the store's new `updatedAt` of it. */
  onEdit(record: PaperRecord, edit: PaperEdit): Promise<number | undefined>;
  onDownload(file: ExportFile): void;
  onCopy(text: string): Promise<void>;
  onOpenOptions(): void;
  now(): Date;
}

/** Fixed row height in pixels: three clipped lines and padding (see VirtualList). */
const ROW_HEIGHT = 84;

type Dialog = 'tag' | 'untag' | undefined;
type Status = { kind: 'info' | 'error'; text: string } | undefined;

/**
 * The reading list: every starred, tagged or noted paper from the stored snapshots, with search
 * as you type, sort, tag and starred/unread filters, a selection for bulk tag / untag / unstar,
 * exports of the selection or of what is shown, and a details panel with the abstract where the
 * paper's star, tags and note are edited. Edits show at once and roll back, with the store's
 * reason, if it refuses them.
 */
export function ReadingList(props: ReadingListProps) {
  const indexer = useMemo(createPaperIndexer, []);
  const [pending, setPending] = useState<readonly PendingEdit[]>([]);
  const records = useMemo(() => withPendingEdits(props.papers ?? [], pending), [props.papers, pending]);
  const indexed = useMemo(() => indexer(records), [indexer, records]);
  const [query, setQuery] = useState<ReadingListQuery>(DEFAULT_QUERY);
  const shown = useMemo(() => queryReadingList(indexed, query), [indexed, query]);
  const shownIds = useMemo(() => shown.map((record) => record.id), [shown]);
  const existing = useMemo(() => new Set(indexed.map((paper) => paper.record.id)), [indexed]);
  const [rawSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const selection = useMemo(() => pruneSelection(rawSelection, existing), [rawSelection, existing]);
  const [detailsId, setDetailsId] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [format, setFormat] = useState<ExportFormatId>('bibtex');
  const [chosenScope, setScope] = useState<ScopeChoice>('selection');
  const editKey = useRef(0);
  const lastEditAt = useRef(0);

  const tagColors = useMemo(() => new Map(props.tags.map((tag) => [tag.name, tag.color])), [props.tags]);
  const tagCounts = useMemo(() => countTags(indexed), [indexed]);
  const byId = useMemo(() => new Map<string, PaperRecord>(indexed.map((paper) => [paper.record.id, paper.record])), [indexed]);
  const selected = [...selection.ids].flatMap((id) => byId.get(id) ?? []);
  const selectedHidden = selected.length - shownIds.filter((id) => selection.ids.has(id)).length;
  const coverage = coverageOf(selection, shownIds);
  const narrowed = isNarrowed(query);
  const scope = exportScopeOf({ choice: chosenScope, selected: selected.length, narrowed });
  // A paper unstarred here with nothing else on it leaves the list but stays in the pane, so one
  // click undoes it; it is gone for good only when the store drops its record.
  const details = detailsId === undefined ? undefined : (byId.get(detailsId) ?? records.find((record) => record.id === detailsId));

  // Edits the live read has caught up with are forgotten: the store's record says the same.
  useEffect(() => {
    if (pending.length === 0) return;
    const edited = new Set(pending.map((edit) => edit.id));
    const stored = new Map<string, PaperRecord>();
    for (const record of props.papers ?? []) if (edited.has(record.id)) stored.set(record.id, record);
    const open = pending.filter((edit) => !isSettled(edit, stored.get(edit.id)));
    if (open.length < pending.length) setPending(open);
  }, [props.papers, pending]);
  const update = (patch: Partial<ReadingListQuery>) => setQuery({ ...query, ...patch });

  async function run(action: () => Promise<string>) {
    setBusy(true);
    try {
      setStatus({ kind: 'info', text: await action() });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const tagSelected = (tag: string) => {
    setDialog(undefined);
    const records = selected.filter((record) => !record.tags.includes(tag));
    void run(async () => {
      if (records.length > 0) await props.onTag(records, tag, true);
      return i18n.t('readingList.status.tagged', selected.length, { tag });
    });
  };
  const untagSelected = (tag: string) => {
    setDialog(undefined);
    const records = selected.filter((record) => record.tags.includes(tag));
    void run(async () => {
      await props.onTag(records, tag, false);
      return i18n.t('readingList.status.untagged', records.length, { tag });
    });
  };
  const unstarSelected = () => {
    const records = selected.filter((record) => record.starredAt !== undefined);
    void run(async () => {
      await props.onUnstar(records);
      return i18n.t('readingList.status.unstarred', records.length);
    });
  };
  const markSelected = (read: boolean) => {
    const records = selected.filter((record) => (record.seenAt !== undefined) !== read);
    void run(async () => {
      await props.onMarkRead(records, read);
      return i18n.t(read ? 'readingList.status.markedRead' : 'readingList.status.markedUnread', records.length);
    });
  };
  const editPaper = (record: PaperRecord, edit: PaperEdit) => {
    // Later than the record and every earlier edit, so the patched record sorts and indexes as new.
    const at = Math.max(props.now().getTime(), lastEditAt.current + 1, record.updatedAt + 1);
    lastEditAt.current = at;
    const key = ++editKey.current;
    setPending((list) => [...list, { key, id: record.id, edit, at }]);
    props.onEdit(record, edit).then(
      (storedAt) => setPending((list) => list.map((item) => (item.key === key ? { ...item, storedAt: storedAt ?? 0 } : item))),
      (error: unknown) => {
        setPending((list) => list.filter((item) => item.key !== key));
        setStatus({ kind: 'error', text: describeRefusal(record.meta.title, edit, error) });
      },
    );
  };
  const markOpened = (record: PaperRecord) => {
    if (record.seenAt === undefined) void props.onMarkRead([record], true).catch(() => undefined);
  };
  const exportFile = (): ExportFile => {
    // Exports follow the current sort; the selection and "all" reach papers the filters hide.
    const all = () => queryReadingList(indexed, { ...DEFAULT_QUERY, sort: query.sort });
    const records = recordsInScope(scope, { selection: () => selectedOf(selection, all()), shown: () => shown, all });
    return toExportFile(records, format, props.now());
  };
  const scopeCount = scope === 'selection' ? selected.length : scope === 'shown' ? shown.length : indexed.length;
  const formatLabel = exportFormatOf(format).label;

  // Only while the untag dialog is open: with thousands selected it is worth not doing per keystroke.
  const selectedTags =
    dialog === 'untag'
      ? [...countTagsOf(selected)].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => ({ name, color: tagColors.get(name) ?? DEFAULT_TAG_COLOR, count }))
      : [];
  const tagOptions = [...new Set([...props.tags.map((tag) => tag.name), ...tagCounts.keys(), ...(query.tag ? [query.tag] : [])])].sort((a, b) =>
    a.localeCompare(b),
  );

  return (
    <div class="page reading-list">
      <header class="masthead">
        <h1>{i18n.t('pages.readingList')}</h1>
        <span class="muted" aria-live="polite">
          {props.papers === undefined
            ? i18n.t('readingList.loading')
            : props.partial
              ? i18n.t('readingList.partial', indexed.length)
              : i18n.t('readingList.count', indexed.length, [shown.length, indexed.length])}
        </span>
        <button type="button" class="action" onClick={props.onOpenOptions}>
          {i18n.t('readingList.options')}
        </button>
      </header>

      <div class="controls" role="search" aria-label={i18n.t('readingList.search.region')}>
        <input
          type="search"
          class="search"
          aria-label={i18n.t('readingList.search.label')}
          placeholder={i18n.t('readingList.search.placeholder')}
          value={query.text}
          onInput={(event) => update({ text: event.currentTarget.value })}
        />
        <label>
          {i18n.t('readingList.sortBy')}
          <select value={query.sort} onChange={(event) => update({ sort: event.currentTarget.value as SortKey })}>
            {SORT_KEYS.map((key) => (
              <option key={key.id} value={key.id}>
                {key.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {i18n.t('readingList.filterByTag')}
          <select value={query.tag ?? ''} onChange={(event) => update({ tag: event.currentTarget.value || undefined })}>
            <option value="">{i18n.t('readingList.allTags')}</option>
            {tagOptions.map((name) => (
              <option key={name} value={name}>
                {name} ({tagCounts.get(name) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="toggle" aria-pressed={query.starredOnly} onClick={() => update({ starredOnly: !query.starredOnly })}>
          {i18n.t('readingList.starredOnly')}
        </button>
        <button type="button" class="toggle" aria-pressed={query.unreadOnly} onClick={() => update({ unreadOnly: !query.unreadOnly })}>
          {i18n.t('readingList.unreadOnly')}
        </button>
      </div>

      <div class="bulk" role="group" aria-label={i18n.t('readingList.selection.group')}>
        <label>
          <input
            type="checkbox"
            checked={coverage === 'all'}
            ref={(input) => {
              if (input) input.indeterminate = coverage === 'some';
            }}
            disabled={shownIds.length === 0 || props.partial}
            onChange={() => setSelection(setSelected(selection, shownIds, coverage !== 'all'))}
          />
          {i18n.t('readingList.selection.selectAllShown')}
        </label>
        <span class="muted">
          {selectedHidden > 0
            ? i18n.t('readingList.selection.selectedHidden', selected.length, [selected.length, selectedHidden])
            : i18n.t('readingList.selection.selected', selected.length)}
        </span>
        <button type="button" class="action" disabled={busy || selected.length === 0} onClick={() => setDialog('tag')}>
          {i18n.t('readingList.selection.tag')}
        </button>
        <button type="button" class="action" disabled={busy || selected.length === 0} onClick={() => setDialog('untag')}>
          {i18n.t('readingList.selection.untag')}
        </button>
        <button type="button" class="action" disabled={busy || !selected.some((r) => r.starredAt !== undefined)} onClick={unstarSelected}>
          {i18n.t('readingList.selection.unstar')}
        </button>
        <button type="button" class="action" disabled={busy || !selected.some((r) => r.seenAt === undefined)} onClick={() => markSelected(true)}>
          {i18n.t('readingList.selection.markRead')}
        </button>
        <button type="button" class="action" disabled={busy || !selected.some((r) => r.seenAt !== undefined)} onClick={() => markSelected(false)}>
          {i18n.t('readingList.selection.markUnread')}
        </button>
        <button type="button" class="action" disabled={selected.length === 0} onClick={() => setSelection(EMPTY_SELECTION)}>
          {i18n.t('readingList.selection.clear')}
        </button>
      </div>

      <ExportControls
        format={format}
        choice={choiceOf(scope)}
        selectedCount={selected.length}
        listCount={narrowed ? shown.length : indexed.length}
        listLabel={listScopeLabel(narrowed, shown.length, indexed.length)}
        busy={busy || props.partial === true}
        onFormat={setFormat}
        onScope={setScope}
        onDownload={() =>
          void run(async () => {
            const file = exportFile();
            props.onDownload(file);
            return i18n.t(scope === 'shown' ? 'readingList.status.downloadedShown' : 'readingList.status.downloaded', scopeCount, {
              format: formatLabel,
              file: file.name,
            });
          })
        }
        onCopy={() =>
          void run(async () => {
            const file = exportFile();
            await props.onCopy(file.text);
            return i18n.t(scope === 'shown' ? 'readingList.status.copiedShown' : 'readingList.status.copied', scopeCount, { format: formatLabel });
          })
        }
      />

      <p class="status" role="status">
        {status?.kind === 'info' && status.text}
      </p>
      {(status?.kind === 'error' || props.loadError) && (
        <p class="error" role="alert">
          {props.loadError ?? status?.text}
        </p>
      )}

      <main class="list-and-details">
        <VirtualList
          items={shown}
          rowHeight={ROW_HEIGHT}
          label={i18n.t('readingList.list')}
          keyOf={(record) => record.id}
          empty={
            props.papers !== undefined && (
              <p class="empty">
                {indexed.length === 0
                  ? i18n.t('readingList.empty')
                  : i18n.t('readingList.noMatch')}
              </p>
            )
          }
          renderRow={(record) => (
            <PaperRow
              record={record}
              selected={selection.ids.has(record.id)}
              current={record.id === detailsId}
              tagColors={tagColors}
              onSelect={(id, range) => setSelection(range ? selectRange(selection, shownIds, id) : toggleSelected(selection, id))}
              onShowDetails={(id) => setDetailsId(id === detailsId ? undefined : id)}
              onOpen={markOpened}
            />
          )}
        />
        {details && (
          <PaperDetails
            record={details}
            tagColors={tagColors}
            tagNames={tagOptions}
            gone={!isReadingListPaper(details)}
            onClose={() => setDetailsId(undefined)}
            onOpen={markOpened}
            onEdit={editPaper}
          />
        )}
      </main>

      {dialog === 'tag' && <BulkTagDialog count={selected.length} tags={props.tags} onApply={tagSelected} onClose={() => setDialog(undefined)} />}
      {dialog === 'untag' && <BulkUntagDialog tags={selectedTags} onApply={untagSelected} onClose={() => setDialog(undefined)} />}
    </div>
  );
}
