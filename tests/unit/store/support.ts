/** Shared setup for the store tests: a fresh fake-indexeddb database, papers, and snapshots. */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { ArxivId, PaperMeta } from '@/lib/arxiv/types';
import type { Rule } from '@/lib/rules/types';
import type { ApiData, ApiName, ApiResult, ChangeNotice } from '@/lib/store/api';
import { callApi } from '@/lib/store/client';
import { openSiftDb, type SiftDb } from '@/lib/store/db';
import { createApiHandler } from '@/lib/store/handlers';
import { TABLE_NAMES, type TableName } from '@/lib/store/tables';

export const EXTENSION_ID = 'sift-test-extension';
/** The extension's base URL; the options page (in a tab or not) has a URL under it. */
export const PAGES_URL = `chrome-extension://${EXTENSION_ID}/`;
export const OPTIONS_PAGE = { id: EXTENSION_ID, url: `${PAGES_URL}options.html`, tab: { id: 3 } };
export const NOW = 1_760_000_000_000;
export const fakeIndexedDb = { indexedDB, IDBKeyRange };

let counter = 0;

/** A database no other test touches. */
export function freshDb(): SiftDb {
  counter += 1;
  return openSiftDb(`sift-test-${counter}-${Date.now()}`, fakeIndexedDb);
}

/** A second connection to an existing test database, as a restarted service worker would open. */
export function reopenDb(name: string): SiftDb {
  return openSiftDb(name, fakeIndexedDb);
}

/** A versionless id typed as the store expects (the tests write only valid ones here). */
export function id(text: string): ArxivId {
  return text as ArxivId;
}

/** The `n`th of a run of distinct new-scheme ids: 2501.00001, 2501.00002, … */
export function nthId(n: number): ArxivId {
  return id(`2501.${String(n + 1).padStart(5, '0')}`);
}

export function meta(paperId: string, overrides: Partial<PaperMeta> = {}): PaperMeta {
  return {
    id: id(paperId),
    version: 1,
    title: `Paper ${paperId} on $\\tilde O(D)$ scheduling`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    abstract: 'We study things.',
    subjects: [{ name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' }],
    primarySubject: { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
    section: 'new',
    absUrl: `https://arxiv.org/abs/${paperId}`,
    pdfUrl: `https://arxiv.org/pdf/${paperId}`,
    ...overrides,
  };
}

export function rule(ruleId: string, overrides: Partial<Rule> = {}): Rule {
  return {
    id: ruleId,
    pattern: 'consensus',
    mode: 'word',
    fields: ['title', 'abstract'],
    caseSensitive: false,
    diacriticSensitive: false,
    color: '#ffcc00',
    action: 'highlight',
    enabled: true,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

/** Every table's records, sorted by key, for "the store is exactly unchanged" assertions. */
export async function snapshot(db: SiftDb): Promise<Record<TableName, unknown[]>> {
  const out = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

/**
 * The store as a caller sees it: the real handler behind `callApi`, with each message and answer
 * passed through JSON as runtime messaging does. `changes` collects every `onChange`.
 */
export function storeApi(db: SiftDb, now: () => number = () => NOW) {
  const changes: ChangeNotice[] = [];
  const handle = createApiHandler({ db, extensionId: EXTENSION_ID, pagesUrl: PAGES_URL, now, onChange: (change) => changes.push(change) });
  const send = async (message: unknown) => {
    const response = await handle(JSON.parse(JSON.stringify(message)), OPTIONS_PAGE);
    return response === undefined ? undefined : (JSON.parse(JSON.stringify(response)) as unknown);
  };
  const call = <N extends ApiName>(name: N, data: ApiData<N>): Promise<ApiResult<N>> => callApi(name, data, send);
  return { handle, call, changes };
}
