/**
 * THE message contract between content scripts / extension pages and the background: the only
 * place message names, payload schemas and result types exist.
 *
 * A request is `{ type: ApiName, data }`; the answer is `{ ok: true, result }` or
 * `{ ok: false, error }`. The background validates every `data` with the schema below before it
 * touches the store (see handlers.ts); callers use `callApi` from client.ts.
 */
import * as v from 'valibot';
import { i18n } from '#i18n';
import { isArxivId } from '@/lib/arxiv/ids';
import type { ArxivId, PageKind } from '@/lib/arxiv/types';
import { FILTERS, type FilterFlags, type FilterId } from '@/lib/overlay/filters';
import type { RankingAnswer } from '@/lib/overlay/ranking-wire';
import type { Rule } from '@/lib/rules/types';
import type { SyncStatus } from '@/lib/sync/engine';
import { LIMITS, arxivIdSchema, colorSchema, keySchema, noteSchema, tagNameSchema } from '@/lib/schemas/fields';
import { snapshotPaperMetaSchema } from '@/lib/schemas/paper-meta';
import { ruleSchema } from '@/lib/schemas/rule';
import { exportRequestSchema } from '@/lib/schemas/export-request';
import type { TextFile } from '@/lib/platform/save-file';
import type { BackupDocument, ImportReport } from './backup-format';
import { TABLE_NAMES, type TableName } from './tables';

const idsSchema = v.pipe(v.array(arxivIdSchema), v.maxLength(LIMITS.ids));
// Oversized text in one paper's snapshot is cut, not refused: it must not sink the whole batch.
const papersSchema = v.pipe(v.array(snapshotPaperMetaSchema), v.maxLength(LIMITS.batch));
const noData = v.strictObject({});
const versionsSchema = v.pipe(
  v.record(v.pipe(v.string(), v.check((id: string) => isArxivId(id), () => i18n.t('store.api.notArxivId'))), v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
  v.check((record) => Object.keys(record).length <= LIMITS.ids, () => i18n.t('store.api.tooManyVersions', [String(LIMITS.ids)])),
);
const FILTER_IDS = FILTERS.map((filter) => filter.id);

/** The `data` schema of every message, by name. */
export const API_SCHEMAS = {
  /** A listing's one question at load: the annotations of its ids, the tags, the rules and which ids were seen. */
  'listing.open': v.strictObject({ ids: idsSchema }),
  'annotations.get': v.strictObject({ ids: idsSchema }),
  'papers.star': v.strictObject({ papers: papersSchema, starred: v.boolean() }),
  'papers.hide': v.strictObject({ papers: papersSchema, hidden: v.boolean() }),
  /** Keeps papers shown although a hide rule matches them (the Undo of a rule's hide), or stops. */
  'papers.keep': v.strictObject({ papers: papersSchema, kept: v.boolean() }),
  'papers.tag': v.strictObject({ papers: papersSchema, tag: tagNameSchema, on: v.boolean() }),
  'papers.note': v.strictObject({ paper: snapshotPaperMetaSchema, note: noteSchema }),
  'papers.seen': v.strictObject({ ids: idsSchema, seen: v.boolean() }),
  'seen.mark': v.strictObject({ ids: idsSchema }),
  'seen.unmark': v.strictObject({ ids: idsSchema }),
  'tags.list': noData,
  'tags.upsert': v.strictObject({ name: tagNameSchema, color: colorSchema }),
  'tags.rename': v.strictObject({ from: tagNameSchema, to: tagNameSchema }),
  'tags.merge': v.strictObject({
    from: v.pipe(v.array(tagNameSchema), v.minLength(1), v.maxLength(LIMITS.mergeSources)),
    into: tagNameSchema,
  }),
  'tags.delete': v.strictObject({ name: tagNameSchema }),
  'rules.list': noData,
  'rules.upsert': v.strictObject({ rule: ruleSchema }),
  'rules.delete': v.strictObject({ id: keySchema }),
  'backup.export': noData,
  'backup.import': v.strictObject({ json: v.string(), mode: v.picklist(['merge', 'replace']) }),
  /**
   * The options page restored a backup itself (files of heavy users are far over a message's
   * 64 MiB): the background tells every tab which tables changed.
   */
  'backup.restored': v.strictObject({ tables: v.pipe(v.array(v.picklist(TABLE_NAMES)), v.maxLength(TABLE_NAMES.length)) }),
  'pages.open': v.strictObject({ page: v.picklist(['reading-list', 'options']) }),
  /** A page that shows abstracts hands them to the cache (papers without one are skipped). */
  'abstracts.remember': v.strictObject({ papers: papersSchema }),
  /**
   * A page wants the abstracts of `ids`: cached ones come back at once, the rest are queued for
   * the sender's tab (on-screen `visible` ones first) and arrive as `sift.abstracts` messages.
   * `versions` names the version the page lists, so an abstract cached from an older one is fetched again.
   */
  'abstracts.request': v.strictObject({ ids: idsSchema, visible: v.optional(idsSchema), versions: v.optional(versionsSchema) }),
  /** The page is going away, or no longer wants `ids` (all of its ids when omitted). */
  'abstracts.cancel': v.strictObject({ ids: v.optional(idsSchema) }),
  /** The options page's Sync section: whether this device syncs, and how it went. */
  'sync.status': noData,
  'sync.now': noData,
  'sync.setEnabled': v.strictObject({ enabled: v.boolean() }),
  /** The reader's "For you" model, retrained first if papers or seeds changed since it was trained. */
  'ranking.model': noData,
  /** "These are my papers": replaces the seed ids when `ids` is given; answers them either way. */
  'ranking.seeds': v.strictObject({ ids: v.optional(idsSchema) }),
  /** "Forget what Sift learned": drops the model and the seeds (stars, tags and hides stay). */
  'ranking.reset': noData,
  /**
   * A listing's export (Copy BibTeX, Export shown, the selection's Export): the background writes
   * the file, so the content script carries no exporter; the listing then copies or saves it.
   */
  'export.build': exportRequestSchema,
} as const;

/**
 * Messages only the extension's own pages may send (a content script runs inside arxiv.org's tab,
 * so it never needs to read or replace the whole database).
 */
export const EXTENSION_PAGE_ONLY: readonly ApiName[] = ['backup.export', 'backup.import', 'backup.restored', 'sync.status', 'sync.now', 'sync.setEnabled', 'ranking.seeds', 'ranking.reset'];

export type ApiName = keyof typeof API_SCHEMAS;

export const API_NAMES = Object.keys(API_SCHEMAS) as ApiName[];

/** What a caller passes as `data` for message `N`. */
export type ApiData<N extends ApiName> = v.InferInput<(typeof API_SCHEMAS)[N]>;

/** `data` of message `N` after validation (trimmed tag names, lower-case colours, known keys only). */
export type ApiParsedData<N extends ApiName> = v.InferOutput<(typeof API_SCHEMAS)[N]>;

/** A paper's annotation as the overlay shows it. */
export interface Annotation {
  id: ArxivId;
  starred: boolean;
  hidden: boolean;
  tags: string[];
  note?: string;
  /** Shown although a hide rule matches it: the reader undid the rule's hide. */
  kept?: boolean;
  updatedAt: number;
}

export interface TagInfo {
  name: string;
  color: string;
  /** How many papers carry the tag. */
  count: number;
}


/** Everything a listing needs from the store when it opens, in one answer. */
export interface ListingSnapshot {
  /** Keyed by id; only ids with an annotation appear. */
  annotations: Record<string, Annotation>;
  tags: TagInfo[];
  rules: Rule[];
  /** When each id was first seen, for the ids seen at all. */
  seen: Record<string, number>;
}

/** The result of every message, by name. */
export interface ApiResults {
  'listing.open': ListingSnapshot;
  /** Keyed by id; only ids with an annotation appear. */
  'annotations.get': Record<string, Annotation>;
  /** The new state of each paper sent, in order, once per id. */
  'papers.star': Annotation[];
  'papers.hide': Annotation[];
  'papers.keep': Annotation[];
  'papers.tag': Annotation[];
  'papers.note': Annotation[];
  /** The state of each stored paper among `ids` (ids the store lacks are skipped). */
  'papers.seen': Annotation[];
  'seen.mark': { marked: ArxivId[] };
  'seen.unmark': { unmarked: ArxivId[] };
  'tags.list': TagInfo[];
  'tags.upsert': TagInfo;
  /** The target tag after the rename (merged into it if it existed). */
  'tags.rename': TagInfo;
  'tags.merge': TagInfo;
  /** How many papers lost the tag. */
  'tags.delete': { removedFrom: number };
  'rules.list': Rule[];
  'rules.upsert': Rule;
  'rules.delete': { deleted: boolean };
  'backup.export': BackupDocument;
  'backup.import': ImportReport;
  'backup.restored': null;
  /** Opens (or focuses) one of the extension's pages in a tab. */
  'pages.open': null;
  /** How many of the papers sent had an abstract and were stored. */
  'abstracts.remember': { stored: number };
  'abstracts.request': AbstractsRequestResult;
  'abstracts.cancel': null;
  'sync.status': SyncView;
  /** After a read and write of the sync area. */
  'sync.now': SyncView;
  'sync.setEnabled': SyncView;
  'ranking.model': RankingAnswer;
  /**
   * The seed ids, how many of them the abstract cache holds (only those are learned from), and how
   * many of the rest are queued for arXiv's API (0 with fetching off).
   */
  'ranking.seeds': { ids: ArxivId[]; known: number; fetching: number };
  'ranking.reset': null;
  /** The file, written and named; nothing is stored. */
  'export.build': TextFile;
}

/** This device's sync: whether it is on, and the engine's status (`phase: 'stopped'` when off). */
export interface SyncView {
  enabled: boolean;
  status: SyncStatus;
}

export type ApiResult<N extends ApiName> = ApiResults[N];

export interface ApiRequest<N extends ApiName = ApiName> {
  type: N;
  data: ApiData<N>;
  /**
   * Who is asking: a listing session's random id. The broadcast of the write carries it back, so
   * the session that wrote skips its own echo.
   */
  origin?: string;
}

export type ApiResponse<R = unknown> = { ok: true; result: R } | { ok: false; error: string };

/** Whether `value` names a message of this contract. */
export function isApiName(value: unknown): value is ApiName {
  return typeof value === 'string' && Object.hasOwn(API_SCHEMAS, value);
}

/**
 * What a write changed: the papers whose annotations changed, and the tables written. A paper
 * write knows its papers' new annotations already and passes them on, so the broadcast can carry
 * them.
 */
export interface StoreChange {
  ids: ArxivId[];
  tables: TableName[];
  annotations?: Annotation[];
  /** For seen marks: the time `ids` were marked seen, or `null` when they were unmarked. */
  seen?: number | null;
}

/** What a store operation returns: its answer and, if it wrote anything, what changed. */
export interface StoreOutcome<R> {
  result: R;
  change?: StoreChange;
}

/**
 * What the background tells every arXiv tab and extension page after a write: the change with the
 * changed records themselves, so a listing applies another tab's star without asking again, and
 * the writer's `origin`, so the writing session skips its own echo. `annotations` holds the new
 * state of every id in `ids` (a paper left with nothing on it comes as an empty annotation); an
 * empty `ids` with `papers` among `tables` means any paper may have changed (an import): re-read
 * everything shown. `tags` and `rules` are the whole new lists when those tables changed.
 */
export interface ChangeNotice {
  ids: ArxivId[];
  tables: TableName[];
  origin?: string;
  annotations?: Annotation[];
  /** With `seen` among `tables`: when `ids` were marked seen, or `null` when unmarked. */
  seen?: number | null;
  tags?: TagInfo[];
  rules?: Rule[];
}

export interface SiftChanged {
  type: 'sift.changed';
  data: ChangeNotice;
}

const annotationSchema = v.object({
  id: arxivIdSchema,
  starred: v.boolean(),
  hidden: v.boolean(),
  tags: v.array(v.string()),
  note: v.optional(v.string()),
  kept: v.optional(v.boolean()),
  updatedAt: v.number(),
});

const siftChangedSchema = v.object({
  type: v.literal('sift.changed'),
  data: v.object({
    ids: v.array(arxivIdSchema),
    tables: v.array(v.picklist(TABLE_NAMES)),
    origin: v.optional(v.string()),
    annotations: v.optional(v.array(annotationSchema)),
    seen: v.optional(v.nullable(v.number())),
    tags: v.optional(v.array(v.object({ name: v.string(), color: v.string(), count: v.number() }))),
    rules: v.optional(v.array(ruleSchema)),
  }),
});

/** Whether a runtime message is the background's `sift.changed` broadcast. */
export function isSiftChanged(message: unknown): message is SiftChanged {
  return v.is(siftChangedSchema, message);
}

/** Wraps a change notice into the broadcast message. */
export function toSiftChanged(notice: ChangeNotice): SiftChanged {
  return { type: 'sift.changed', data: notice };
}

/**
 * Messages from an extension page (the popup) to the content script of an arXiv tab, sent with
 * `tabs.sendMessage`. The content script answers with the overlay's status.
 */
export const TAB_SCHEMAS = {
  'overlay.status': noData,
  'overlay.toggle': v.strictObject({ filter: v.picklist(FILTER_IDS) }),
} as const;

export type TabMessageName = keyof typeof TAB_SCHEMAS;

export interface OverlayStatus {
  kind: PageKind;
  /** The filters that can change something on the tab's page, in the toolbar's order. */
  available: FilterId[];
  entries: number;
  starred: number;
  matching: number;
  unseen: number;
  hidden: number;
  filters: FilterFlags;
}

export type TabMessage = { [N in TabMessageName]: { type: N; data: v.InferInput<(typeof TAB_SCHEMAS)[N]> } }[TabMessageName];

/** Whether a message is a valid popup → content script request. */
export function isTabMessage(message: unknown): message is TabMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, data } = message as { type?: unknown; data?: unknown };
  return typeof type === 'string' && Object.hasOwn(TAB_SCHEMAS, type) && v.is(TAB_SCHEMAS[type as TabMessageName], data);
}

/** What a page needs of a cached abstract to show it and run its rules on it. Text as arXiv wrote it (untrusted). */
export interface CachedAbstractView {
  id: ArxivId;
  abstract: string;
  title?: string;
  authors?: string[];
  comments?: string;
  journalRef?: string;
  doi?: string;
  /** The latest version withdraws the paper; `abstract` is the withdrawal notice. */
  withdrawn?: true;
}

/**
 * The answer to `abstracts.request`. Every requested id is in exactly one of `cached`, `queued`
 * and `missing`, or in none when `fetching` is false (the user turned fetching off: only cached
 * abstracts come back, and nothing is queued).
 */
export interface AbstractsRequestResult {
  cached: CachedAbstractView[];
  /** Ids queued for this tab; each arrives later in a `sift.abstracts` message (as a paper, missing or failed). */
  queued: ArxivId[];
  /** Ids arXiv's API said lately it does not have; not asked again for a few hours. */
  missing: ArxivId[];
  fetching: boolean;
}

/** The queue as a page's quiet progress line shows it. */
export interface AbstractsStatus {
  /** This tab's ids still waiting or in flight. */
  outstanding: number;
  /** `idle`, `waiting` (for arXiv's 3 s spacing), `fetching`, `backing-off` (after 429/503 or a failure), or `off` (fetching turned off). */
  state: string;
  /** While backing off: when the next request may start (epoch ms). */
  retryAt?: number;
  /** The last failure, cleared by the next success: `arXiv is busy (HTTP 503)`. */
  lastError?: string;
}

/** Abstracts arriving for one tab, sent by the background with `tabs.sendMessage`. */
export interface AbstractsDelivery {
  papers: CachedAbstractView[];
  /** Ids arXiv's API does not have (unknown, or not yet announced). */
  missing: ArxivId[];
  /** Ids the queue gave up on for now (a later request tries again). */
  failed: { id: ArxivId; reason: string }[];
  status: AbstractsStatus;
}

export interface SiftAbstracts {
  type: 'sift.abstracts';
  data: AbstractsDelivery;
}

const abstractViewSchema = v.object({
  id: arxivIdSchema,
  abstract: v.string(),
  title: v.optional(v.string()),
  authors: v.optional(v.array(v.string())),
  comments: v.optional(v.string()),
  journalRef: v.optional(v.string()),
  doi: v.optional(v.string()),
  withdrawn: v.optional(v.literal(true)),
});

const siftAbstractsSchema = v.object({
  type: v.literal('sift.abstracts'),
  data: v.object({
    papers: v.array(abstractViewSchema),
    missing: v.array(arxivIdSchema),
    failed: v.array(v.object({ id: arxivIdSchema, reason: v.string() })),
    status: v.object({
      outstanding: v.number(),
      state: v.string(),
      retryAt: v.optional(v.number()),
      lastError: v.optional(v.string()),
    }),
  }),
});

/** Whether a message is the background's `sift.abstracts` delivery to this tab. */
export function isSiftAbstracts(message: unknown): message is SiftAbstracts {
  return v.is(siftAbstractsSchema, message);
}

/**
 * The background's question to the extension's open pages ("is a reading list open, and in
 * which tab?"), so the overlay's "Reading list" button can bring an open one to the front
 * without the `tabs` permission (lib/reading-list/open-tab.ts).
 */
export const WHERE_IS_READING_LIST = { type: 'sift.reading-list.where' } as const;

/** Whether a runtime message is that question. */
export function isWhereIsReadingList(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === WHERE_IS_READING_LIST.type;
}

/** A reading-list page's answer: the tab it is shown in. */
export interface ReadingListTab {
  tabId: number;
  windowId: number;
}

export const readingListTabSchema = v.object({ tabId: v.pipe(v.number(), v.integer()), windowId: v.pipe(v.number(), v.integer()) });
