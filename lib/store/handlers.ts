/**
 * The background's message handler: ignores what is not for it, validates every payload against
 * api.ts, runs the operation in one transaction and answers `{ ok, result | error }`. It keeps no
 * state between calls, because the MV3 service worker may be stopped at any moment.
 */
import { i18n } from '#i18n';
import { LIMITS } from '@/lib/schemas/fields';
import { findTooDeep, parseWithSchema } from '@/lib/schemas/parse';
import type { ArxivId } from '@/lib/arxiv/types';
import { toRequestedExport } from '@/lib/export/listing-export';
import type { AbstractsRequestResult, ApiName, ApiParsedData, ApiResponse, ApiResult, ChangeNotice, StoreOutcome, SyncView } from './api';
import { API_SCHEMAS, EXTENSION_PAGE_ONLY, isApiName } from './api';
import { rememberPagePapers } from './abstracts';
import { exportBackup, importBackup } from './backup';
import { changedTables } from './backup-format';
import { toChangeNotice } from './change-notice';
import type { SiftDb } from './db';
import { openListing } from './listing';
import { getAnnotations, hidePapers, keepPapers, markPapersSeen, notePaper, starPapers, tagPapers } from './papers';
import { deleteRule, listRules, upsertRule } from './rules';
import { deleteTag, listTags, mergeTags, renameTag, upsertTag } from './tags';
import { markSeen, unmarkSeen } from './seen';
import { getSeeds, rankingModel, resetRanking, setSeeds } from './ranking';

/** What operations may use besides the database: browser actions the background performs. */
interface OperationEnv {
  openPage: (page: 'reading-list' | 'options') => Promise<void>;
  abstracts: AbstractRequests;
  sync: SyncControl;
  /** The sender's tab, when it has one (a content script, or an extension page shown in a tab). */
  tabId: number | undefined;
}

/** The background's abstract queue as the handler needs it (lib/abstracts/background.ts). */
export interface AbstractRequests {
  request(tabId: number, data: ApiParsedData<'abstracts.request'>, now: number): Promise<AbstractsRequestResult>;
  cancel(tabId: number, ids: readonly ArxivId[] | undefined): void;
  /** Queues seed papers the cache lacks; answers how many seeds are still to come. */
  fetchSeeds(ids: readonly ArxivId[]): Promise<number>;
}

/** The background's sync (lib/sync/background.ts) as the options page drives it. */
export interface SyncControl {
  view(): Promise<SyncView>;
  syncNow(): Promise<SyncView>;
  setEnabled(enabled: boolean): Promise<SyncView>;
}

type Operation<N extends ApiName> = (
  db: SiftDb,
  data: ApiParsedData<N>,
  now: number,
  env: OperationEnv,
) => Promise<StoreOutcome<ApiResult<N>>>;

const read = <R>(result: Promise<R>): Promise<StoreOutcome<R>> => result.then((value) => ({ result: value }));

const OPERATIONS: { [N in ApiName]: Operation<N> } = {
  'listing.open': (db, { ids }) => openListing(db, ids),
  'annotations.get': (db, { ids }) => read(getAnnotations(db, ids)),
  'papers.star': (db, { papers, starred }, now) => starPapers(db, papers, starred, now),
  'papers.hide': (db, { papers, hidden }, now) => hidePapers(db, papers, hidden, now),
  'papers.keep': (db, { papers, kept }, now) => keepPapers(db, papers, kept, now),
  'papers.tag': (db, { papers, tag, on }, now) => tagPapers(db, papers, tag, on, now),
  'papers.note': (db, { paper, note }, now) => notePaper(db, paper, note, now),
  'papers.seen': (db, { ids, seen }, now) => markPapersSeen(db, ids, seen, now),
  'seen.mark': (db, { ids }, now) => markSeen(db, ids, now),
  'seen.unmark': (db, { ids }, now) => unmarkSeen(db, ids, now),
  'tags.list': (db) => read(listTags(db)),
  'tags.upsert': (db, { name, color }, now) => upsertTag(db, name, color, now),
  'tags.rename': (db, { from, to }, now) => renameTag(db, from, to, now),
  'tags.merge': (db, { from, into }, now) => mergeTags(db, from, into, now),
  'tags.delete': (db, { name }, now) => deleteTag(db, name, now),
  'rules.list': (db) => read(listRules(db)),
  'rules.upsert': (db, { rule }, now) => upsertRule(db, rule, now),
  'rules.delete': (db, { id }, now) => deleteRule(db, id, now),
  'backup.export': (db, _data, now) => read(exportBackup(db, now)),
  'backup.restored': async (_db, { tables }) => (tables.length > 0 ? { result: null, change: { ids: [], tables: [...new Set(tables)] } } : { result: null }),
  'backup.import': async (db, { json, mode }, now) => {
    const result = await importBackup(db, json, { mode, now });
    const tables = changedTables(result);
    return tables.length > 0 ? { result, change: { ids: [], tables } } : { result };
  },
  'pages.open': async (_db, { page }, _now, env) => {
    await env.openPage(page);
    return { result: null };
  },
  'abstracts.remember': async (db, { papers }, now) => ({ result: { stored: (await rememberPagePapers(db, papers, now)).stored } }),
  'abstracts.request': async (_db, data, now, env) => ({ result: await env.abstracts.request(senderTab(env), data, now) }),
  'abstracts.cancel': async (_db, { ids }, _now, env) => {
    env.abstracts.cancel(senderTab(env), ids);
    return { result: null };
  },
  'sync.status': async (_db, _data, _now, env) => ({ result: await env.sync.view() }),
  'sync.now': async (_db, _data, _now, env) => ({ result: await env.sync.syncNow() }),
  'sync.setEnabled': async (_db, { enabled }, _now, env) => ({ result: await env.sync.setEnabled(enabled) }),
  'ranking.model': (db, _data, now) => read(rankingModel(db, now)),
  'ranking.seeds': async (db, { ids }, _now, env) => {
    const { missing, ...seeds } = ids ? await setSeeds(db, ids) : await getSeeds(db);
    return { result: { ...seeds, fetching: await env.abstracts.fetchSeeds(missing) } };
  },
  'ranking.reset': async (db) => {
    await resetRanking(db);
    return { result: null };
  },
  'export.build': async (_db, request, now) => ({ result: toRequestedExport(request, new Date(now)) }),
};

/** Fetched abstracts are delivered to a tab, so only a sender in a tab may queue or cancel them. */
function senderTab(env: OperationEnv): number {
  if (env.tabId === undefined) throw new Error(i18n.t('store.needsTab'));
  return env.tabId;
}

/** The parts of `runtime.MessageSender` the handler looks at. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number } | undefined;
}

export interface ApiHandlerOptions {
  db: SiftDb;
  /** `browser.runtime.id`: messages from any other sender are ignored. */
  extensionId: string;
  now?: () => number;
  /**
   * Called after each write commits, with the changed records, so the background can broadcast
   * `sift.changed`.
   */
  onChange: (notice: ChangeNotice) => void;
  /** Opens an extension page in a tab (`pages.open`); content scripts cannot open them themselves. */
  openPage?: OperationEnv['openPage'];
  /** The browser-wide abstract queue (`abstracts.request`, `abstracts.cancel`); absent in contexts that fetch nothing. */
  abstracts?: AbstractRequests;
  /** The background's sync (`sync.*`); absent in contexts that do not sync. */
  sync?: SyncControl;
  /**
   * The extension's own base URL (`browser.runtime.getURL('/')`): senders whose URL starts with it
   * are extension pages. `sender.tab` cannot tell, since an extension page can live in a tab too.
   */
  pagesUrl: string;
}

// The background passes openPage, sync and abstracts (entrypoints/background.ts): these refusals
// answer only a handler built without them, as unit tests build it. i18n-exempt: never shown
const noPages: OperationEnv['openPage'] = () => Promise.reject(new Error('this context cannot open pages'));
// i18n-exempt: never shown, as above
const noSyncError = () => Promise.reject(new Error('this context does not sync'));
const noSync: SyncControl = { view: noSyncError, syncNow: noSyncError, setEnabled: noSyncError };
const noAbstracts: AbstractRequests = {
  // i18n-exempt: never shown, as above
  request: () => Promise.reject(new Error('this context has no abstract queue')),
  cancel: () => {
    // i18n-exempt: never shown, as above
    throw new Error('this context has no abstract queue');
  },
  // Seeds are fetched only where a queue runs; elsewhere they wait for a listing to show them.
  fetchSeeds: () => Promise.resolve(0),
};

export type ApiHandler = (message: unknown, sender: MessageSender) => Promise<ApiResponse> | undefined;

function isRequest(message: unknown): message is { type: ApiName; data?: unknown; origin?: unknown } {
  return typeof message === 'object' && message !== null && isApiName((message as { type?: unknown }).type);
}

/** A session id is echoed back in broadcasts, so it must be a short plain token. */
function originOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : undefined;
}

/**
 * The `runtime.onMessage` listener for the store. Answers `undefined` (not mine) for messages from
 * another extension or page and for messages that are not api requests (broadcasts share the
 * channel); otherwise a promise of the response. Invalid data answers
 * `{ ok: false, error: 'papers.star: papers[0].id: expected a versionless arXiv id, got "x"' }`
 * and writes nothing. Example: `browser.runtime.onMessage.addListener(createApiHandler({ db,
 * extensionId: browser.runtime.id, onChange: broadcast }))`.
 */
export function createApiHandler({ db, extensionId, now = Date.now, onChange, openPage = noPages, abstracts = noAbstracts, sync = noSync, pagesUrl }: ApiHandlerOptions): ApiHandler {
  async function notify(name: ApiName, outcome: StoreOutcome<unknown>, origin: string | undefined): Promise<void> {
    if (!outcome.change) return;
    try {
      onChange(await toChangeNotice(db, outcome.change, origin, now()));
    } catch (error) {
      console.error(`[sift] ${name}: change listener failed`, error);
    }
  }

  async function run<N extends ApiName>(name: N, data: unknown, origin: string | undefined, env: OperationEnv): Promise<ApiResponse<ApiResult<N>>> {
    let outcome: StoreOutcome<ApiResult<N>>;
    try {
      // valibot's object schemas accept arrays; every message's data is a plain object.
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new Error(`data: ${Array.isArray(data) ? i18n.t('schemas.objectGotArray') : i18n.t('schemas.objectGot', [String(data)])}`);
      }
      // Bounded before the schema walks it: a value nested thousands deep must fail with words.
      const tooDeep = findTooDeep(data, LIMITS.depth, 'data');
      if (tooDeep !== undefined) throw new Error(`${tooDeep}: ${i18n.t('schemas.tooDeep', [String(LIMITS.depth)])}`);
      const parsed: ApiParsedData<N> = parseWithSchema(API_SCHEMAS[name], data);
      const operation: Operation<N> = OPERATIONS[name];
      outcome = await operation(db, parsed, now(), env);
    } catch (error) {
      return { ok: false, error: `${name}: ${error instanceof Error ? error.message : String(error)}` };
    }
    // The write has committed: a failing listener must not turn it into an error for the caller.
    // A paper write passes its annotations on, so building the notice reads nothing more.
    await notify(name, outcome, origin);
    return { ok: true, result: outcome.result };
  }

  return (message, sender) => {
    if (sender.id !== extensionId || !isRequest(message)) return undefined;
    if (EXTENSION_PAGE_ONLY.includes(message.type) && !sender.url?.startsWith(pagesUrl)) {
      return Promise.resolve({ ok: false, error: `${message.type}: ${i18n.t('store.pagesOnly')}` });
    }
    const tabId = typeof sender.tab?.id === 'number' ? sender.tab.id : undefined;
    return run(message.type, message.data, originOf(message.origin), { openPage, abstracts, sync, tabId });
  };
}
