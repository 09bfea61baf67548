/**
 * The background's side of "abstracts everywhere": the cache answers what it can, the one
 * browser-wide queue fetches the rest from arXiv's API, and what arrives is stored and delivered to
 * the tabs that asked. Every browser API comes in through {@link AbstractServiceOptions}, so the
 * whole flow runs in unit tests with fake-indexeddb and a fake `fetch`.
 *
 * A Chrome service worker may be stopped between messages and loses the queue with it; the start
 * of the last API request survives in session storage, so a restarted worker still keeps arXiv's
 * 3 s spacing, and while a tab waits for abstracts the service calls `keepAlive` (an extension API
 * call, which resets Chrome's idle timer since Chrome 110:
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 */
import type { ArxivId } from '@/lib/arxiv/types';
import type { AbstractsDelivery, AbstractsRequestResult, AbstractsStatus, ApiParsedData, CachedAbstractView } from '@/lib/store/api';
import { getAbstracts, putAbstracts, toAbstractView } from '@/lib/store/abstracts';
import type { SiftDb } from '@/lib/store/db';
import { fromApiPaper, type CacheLimits } from './cache-policy';
import { createAbstractQueue, type AbstractQueue, type AbstractQueueOptions, type FetchLike, type IdOutcome, type QueueStatus } from './queue';

/** Where the start of the last API request is kept across service-worker restarts. */
export interface LastRequestStore {
  get(): Promise<number | undefined>;
  set(at: number): Promise<void>;
}

export interface AbstractServiceOptions {
  db: SiftDb;
  fetch: FetchLike;
  /** `browser.tabs.sendMessage`; a rejection means the tab no longer listens. */
  sendToTab: (tabId: number, message: { type: 'sift.abstracts'; data: AbstractsDelivery }) => Promise<unknown>;
  /** Whether the user lets Sift fetch from arXiv's API (the `fetchAbstracts` setting). */
  isFetchingEnabled: () => Promise<boolean>;
  lastRequest: LastRequestStore;
  /** Called every {@link KEEP_ALIVE_MS} while a tab waits for abstracts. */
  keepAlive?: () => unknown;
  now?: () => number;
  /** Queue options for tests (clock, batch size, backoff); `fetch`, `onOutcomes`, `onStatus` and the restart hooks are the service's. */
  queue?: Omit<AbstractQueueOptions, 'fetch' | 'onOutcomes' | 'onStatus' | 'lastRequestAt' | 'onRequestStart'>;
  cacheLimits?: CacheLimits;
}

/** Chrome stops an idle service worker after 30 s; an extension API call this often keeps a waiting queue alive. */
export const KEEP_ALIVE_MS = 20_000;

const requesterOf = (tabId: number) => `tab:${tabId}`;
/**
 * "These are my papers" asks for seeds no listing has shown: no tab waits for them, the cache
 * keeps what comes, and the ranking's basis (the seeds the cache holds) then moves.
 */
const SEEDS_REQUESTER = 'seeds';

function tabOf(requester: string): number | undefined {
  const match = /^tab:(\d+)$/.exec(requester);
  return match ? Number(match[1]) : undefined;
}

interface TabDelivery {
  papers: CachedAbstractView[];
  missing: ArxivId[];
  failed: { id: ArxivId; reason: string }[];
}

/**
 * The service behind `abstracts.request` and `abstracts.cancel`: see the file comment. Create one
 * per background; the queue inside it is made on first use, once the last request's time is read.
 */
export function createAbstractService(options: AbstractServiceOptions): AbstractService {
  return new AbstractService(options);
}

export class AbstractService {
  private readonly options: AbstractServiceOptions;
  private readonly now: () => number;
  private queuePromise: Promise<AbstractQueue> | undefined;
  private queue: AbstractQueue | undefined;
  /** Tabs with ids outstanding: they get status lines and keep the worker alive. */
  private readonly waiting = new Set<number>();
  /** Outcomes the queue answers at once (known missing, fetched a moment ago) go into the request's own answer. */
  private readonly collecting = new Map<string, IdOutcome[]>();
  private lastStatusKey = '';
  private keepAliveTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: AbstractServiceOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /**
   * Answers a tab's `abstracts.request`: cached abstracts at once; with fetching on, the rest queued
   * for the tab (its `visible` ids first) and delivered later by `sift.abstracts` messages.
   */
  async request(tabId: number, { ids, visible = [], versions = {} }: ApiParsedData<'abstracts.request'>, now = this.now()): Promise<AbstractsRequestResult> {
    const unique = [...new Set(ids)];
    const cached = await getAbstracts(this.options.db, unique, now, versions);
    const rest = unique.filter((id) => !cached.has(id));
    const result: AbstractsRequestResult = { cached: [...cached.values()].map(toAbstractView), queued: [], missing: [], fetching: await this.options.isFetchingEnabled() };
    if (!result.fetching || rest.length === 0) return result;

    const queue = await this.ensureQueue();
    const requester = requesterOf(tabId);
    const shown = new Set(visible);
    const immediate: IdOutcome[] = [];
    this.collecting.set(requester, immediate);
    try {
      const first = rest.filter((id) => shown.has(id));
      const later = rest.filter((id) => !shown.has(id));
      if (first.length > 0) queue.request(requester, first, { priority: true });
      if (later.length > 0) queue.request(requester, later);
      // The queue answers ids it knows in a microtask queued during request(), so before this one.
      await Promise.resolve();
    } finally {
      this.collecting.delete(requester);
    }
    const answered = new Set<ArxivId>();
    for (const outcome of immediate) {
      answered.add(outcome.id);
      if (outcome.status === 'found') result.cached.push(toAbstractView(fromApiPaper(outcome.paper, now)));
      else if (outcome.status === 'missing') result.missing.push(outcome.id);
    }
    result.queued = rest.filter((id) => !answered.has(id));
    if (queue.outstandingFor(requester) > 0) this.wait(tabId);
    return result;
  }

  /**
   * Queues the seed papers in `ids` (those the cache lacks) with fetching on, behind the tabs'
   * visible entries; answers how many seeds are still to come, so the options page can say so.
   */
  async fetchSeeds(ids: readonly ArxivId[]): Promise<number> {
    if (ids.length > 0 && (await this.options.isFetchingEnabled())) (await this.ensureQueue()).request(SEEDS_REQUESTER, [...new Set(ids)]);
    return this.queue?.outstandingFor(SEEDS_REQUESTER) ?? 0;
  }

  /** Withdraws a tab's interest in `ids` (all of its ids when omitted): the page went away or the tab closed. */
  cancel(tabId: number, ids?: readonly ArxivId[]): void {
    const requester = requesterOf(tabId);
    this.queue?.cancel(requester, ids);
    if (!this.queue || this.queue.outstandingFor(requester) === 0) this.stopWaiting(tabId);
  }

  /**
   * The user turned fetching off: every waiting tab's ids are withdrawn and each tab is told
   * (`state: 'off'`), so its progress line can say why the rest will not come.
   */
  fetchingTurnedOff(): void {
    for (const tabId of [...this.waiting]) {
      this.queue?.cancel(requesterOf(tabId));
      this.stopWaiting(tabId);
      void this.deliver(tabId, { papers: [], missing: [], failed: [] }, { outstanding: 0, state: 'off' });
    }
  }

  private ensureQueue(): Promise<AbstractQueue> {
    this.queuePromise ??= this.options.lastRequest.get().then(
      (lastRequestAt) => this.createQueue(lastRequestAt),
      () => this.createQueue(undefined),
    );
    return this.queuePromise;
  }

  private createQueue(lastRequestAt: number | undefined): AbstractQueue {
    const queueOptions: AbstractQueueOptions = {
      ...this.options.queue,
      fetch: this.options.fetch,
      onOutcomes: (outcomes) => this.onOutcomes(outcomes),
      onStatus: (status) => this.onStatus(status),
      onRequestStart: (at) => void this.options.lastRequest.set(at).catch(() => undefined),
    };
    if (lastRequestAt !== undefined) queueOptions.lastRequestAt = lastRequestAt;
    this.queue = createAbstractQueue(queueOptions);
    return this.queue;
  }

  private onOutcomes(outcomes: IdOutcome[]): void {
    const now = this.now();
    const found = outcomes.flatMap((outcome) => (outcome.status === 'found' ? [fromApiPaper(outcome.paper, now)] : []));
    if (found.length > 0) {
      putAbstracts(this.options.db, found, this.options.cacheLimits).catch((error: unknown) => console.error('[sift] abstracts: could not cache fetched abstracts', error));
    }
    const views = new Map(found.map((record) => [record.id, toAbstractView(record)]));
    const byTab = new Map<number, TabDelivery>();
    for (const outcome of outcomes) {
      for (const requester of outcome.requesters) {
        const collector = this.collecting.get(requester);
        if (collector) {
          collector.push(outcome);
          continue;
        }
        const tabId = tabOf(requester);
        if (tabId === undefined) continue;
        let delivery = byTab.get(tabId);
        if (!delivery) byTab.set(tabId, (delivery = { papers: [], missing: [], failed: [] }));
        if (outcome.status === 'found') delivery.papers.push(views.get(outcome.id) ?? toAbstractView(fromApiPaper(outcome.paper, now)));
        else if (outcome.status === 'missing') delivery.missing.push(outcome.id);
        else delivery.failed.push({ id: outcome.id, reason: outcome.reason });
      }
    }
    for (const [tabId, delivery] of byTab) {
      const status = this.statusFor(tabId);
      if (status.outstanding === 0) this.stopWaiting(tabId);
      void this.deliver(tabId, delivery, status);
    }
  }

  /** A status-only message to every waiting tab when the queue's state, backoff or error changes (not on every count). */
  private onStatus(status: QueueStatus): void {
    const key = JSON.stringify([status.state, status.retryAt, status.lastError]);
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    for (const tabId of this.waiting) void this.deliver(tabId, { papers: [], missing: [], failed: [] }, this.statusFor(tabId));
  }

  private statusFor(tabId: number): AbstractsStatus {
    const queue = this.queue;
    if (!queue) return { outstanding: 0, state: 'idle' };
    const current = queue.status();
    const status: AbstractsStatus = { outstanding: queue.outstandingFor(requesterOf(tabId)), state: current.state };
    if (current.retryAt !== undefined) status.retryAt = current.retryAt;
    if (current.lastError !== undefined) status.lastError = current.lastError;
    return status;
  }

  /** Sends one `sift.abstracts` message; a tab that no longer listens (closed, navigated away) loses its requests. */
  private async deliver(tabId: number, delivery: TabDelivery, status: AbstractsStatus): Promise<void> {
    try {
      await this.options.sendToTab(tabId, { type: 'sift.abstracts', data: { ...delivery, status } });
    } catch {
      this.cancel(tabId);
    }
  }

  private wait(tabId: number): void {
    this.waiting.add(tabId);
    if (this.keepAliveTimer === undefined && this.options.keepAlive) {
      const keepAlive = this.options.keepAlive;
      this.keepAliveTimer = setInterval(() => void Promise.resolve().then(keepAlive).catch(() => undefined), KEEP_ALIVE_MS);
    }
  }

  private stopWaiting(tabId: number): void {
    this.waiting.delete(tabId);
    if (this.waiting.size === 0 && this.keepAliveTimer !== undefined) {
      clearInterval(this.keepAliveTimer);
      this.keepAliveTimer = undefined;
    }
  }
}
