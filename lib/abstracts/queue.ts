/**
 * The one queue through which the whole browser asks arXiv's API for papers. The background
 * creates a single instance; every tab's requests go through it, so arXiv sees one client:
 * one request at a time, request starts at least {@link API_SPACING_MS} apart
 * (https://info.arxiv.org/help/api/tou.html: "no more than one request every three seconds",
 * "a single connection at a time"), 429 and 503 answered with backoff.
 *
 * Ids wait in `pending` with the set of requesters (tabs) that want them. The loop takes the next
 * batch only when the spacing allows, so requests that arrive meanwhile join it; ids already
 * pending or in flight only gain a requester; ids fetched a moment ago or known to be missing are
 * answered at once. Everything time-related goes through an injected {@link QueueClock}.
 */
import { i18n } from '#i18n';
import { isArxivId } from '@/lib/arxiv/ids';
import type { ArxivId } from '@/lib/arxiv/types';
import { toApiRequest } from './api-request';
import { AtomResponseError, papersById, parseAtomFeed, type ApiPaper } from './atom';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, type BackoffPolicy } from './backoff';

/** arXiv's terms: at most one request every three seconds. Not an option, so no caller can lower it. */
export const API_SPACING_MS = 3_000;

/** Who wants an id: the background uses `tab:<tabId>` (or any stable string per page). */
export type RequesterId = string;

export type IdOutcome =
  | { status: 'found'; id: ArxivId; paper: ApiPaper; requesters: RequesterId[] }
  | { status: 'missing'; id: ArxivId; requesters: RequesterId[] }
  | { status: 'failed'; id: ArxivId; reason: string; requesters: RequesterId[] };

export interface QueueClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export type QueueState = 'idle' | 'waiting' | 'fetching' | 'backing-off';

export interface QueueStatus {
  state: QueueState;
  /** Ids waiting for a request, not counting the one in flight. */
  pending: number;
  inFlight: number;
  /** While backing off: when the next request may start (epoch ms). */
  retryAt?: number;
  /** The last failure, cleared by the next success: `arXiv is busy (HTTP 503)`. */
  lastError?: string;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface AbstractQueueOptions {
  fetch: FetchLike;
  /** Receives every settled id, batched per response (or at once for remembered ids). */
  onOutcomes: (outcomes: IdOutcome[]) => void;
  onStatus?: (status: QueueStatus) => void;
  clock?: QueueClock;
  /** Ids per request; also `max_results`. */
  batchSize?: number;
  /** How long an idle queue waits for more requests before its first one, so tabs asking together share it. */
  gatherMs?: number;
  /** Tries per batch when the network, the body or arXiv's server fails (not counting 429/503). */
  maxAttempts?: number;
  /** Tries per batch while arXiv answers 429 or 503. */
  maxThrottledAttempts?: number;
  backoff?: BackoffPolicy;
  /** How long an id the API did not return is answered as missing without asking again. */
  missingTtlMs?: number;
  /** How many fetched papers are kept in memory to answer repeat requests at once. */
  recentLimit?: number;
  /** Start of the last request made by an earlier instance (a restarted service worker), so spacing holds across restarts. */
  lastRequestAt?: number;
  /** Called as each request starts, so the background can persist it for {@link lastRequestAt}. */
  onRequestStart?: (at: number) => void;
}

/**
 * 200 ids per request: a 2000-entry `/pastweek` page takes 10 requests (30 s at arXiv's pace), and a
 * response (about 2 KB of XML per paper, some 400 KB) parses in about 30 ms (70 ms cold) on this
 * project's 2-core test machine.
 */
export const DEFAULT_BATCH_SIZE = 200;
const DEFAULT_GATHER_MS = 50;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_MAX_THROTTLED_ATTEMPTS = 6;
/** New papers can be listed minutes before the API has them; six hours is a working day of listings. */
const DEFAULT_MISSING_TTL_MS = 6 * 3_600_000;
const DEFAULT_RECENT_LIMIT = 5_000;

const realClock: QueueClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Want {
  id: ArxivId;
  requesters: Set<RequesterId>;
  priority: boolean;
  /** Arrival order; kept when a failed batch is put back, so retried ids stay at the front. */
  seq: number;
  failures: number;
  throttled: number;
}

export interface RequestOptions {
  /** The ids are on screen: they go before ids that are not, in arrival order within each group. */
  priority?: boolean;
}

/** Creates the browser-wide queue; see {@link AbstractQueue}. */
export function createAbstractQueue(options: AbstractQueueOptions): AbstractQueue {
  return new AbstractQueue(options);
}

/**
 * Fetches papers from arXiv's API on behalf of many requesters, politely: one request at a time,
 * starts ≥ 3 s apart, batches of up to `batchSize` ids, backoff on 429/503 honouring
 * `Retry-After`, bounded retries on failures, and no id fetched twice. Results arrive through
 * `onOutcomes`, each id with the requesters that still wanted it when it settled.
 *
 * @example
 * const queue = createAbstractQueue({ fetch, onOutcomes: (outcomes) => deliverToTabs(outcomes) });
 * queue.request('tab:12', ['2206.06921', '2201.13452'], { priority: true });
 * queue.cancel('tab:12'); // the tab closed
 */
export class AbstractQueue {
  private readonly fetch: FetchLike;
  private readonly onOutcomes: (outcomes: IdOutcome[]) => void;
  private readonly onStatus: ((status: QueueStatus) => void) | undefined;
  private readonly onRequestStart: ((at: number) => void) | undefined;
  private readonly clock: QueueClock;
  private readonly batchSize: number;
  private readonly gatherMs: number;
  private readonly maxAttempts: number;
  private readonly maxThrottledAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly missingTtlMs: number;
  private readonly recentLimit: number;

  private readonly pending = new Map<ArxivId, Want>();
  private readonly inFlight = new Map<ArxivId, Want>();
  /** Ids the API did not return, with when it said so. */
  private readonly missing = new Map<ArxivId, number>();
  /** Papers fetched lately, oldest first, so a repeat request needs no request and no cache read. */
  private readonly recent = new Map<ArxivId, ApiPaper>();
  private seq = 0;
  private lastStartAt: number | undefined;
  private notBefore = 0;
  /** Failed or throttled responses since the last good one: the backoff's exponent. */
  private failuresInARow = 0;
  private running = false;
  private closed = false;
  private lastError: string | undefined;
  private current: QueueStatus = { state: 'idle', pending: 0, inFlight: 0 };

  constructor(options: AbstractQueueOptions) {
    this.fetch = options.fetch;
    this.onOutcomes = options.onOutcomes;
    this.onStatus = options.onStatus;
    this.onRequestStart = options.onRequestStart;
    this.clock = options.clock ?? realClock;
    this.batchSize = positiveInteger(options.batchSize ?? DEFAULT_BATCH_SIZE, 'batchSize');
    this.gatherMs = Math.max(0, options.gatherMs ?? DEFAULT_GATHER_MS);
    this.maxAttempts = positiveInteger(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, 'maxAttempts');
    this.maxThrottledAttempts = positiveInteger(options.maxThrottledAttempts ?? DEFAULT_MAX_THROTTLED_ATTEMPTS, 'maxThrottledAttempts');
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.missingTtlMs = options.missingTtlMs ?? DEFAULT_MISSING_TTL_MS;
    this.recentLimit = options.recentLimit ?? DEFAULT_RECENT_LIMIT;
    this.lastStartAt = options.lastRequestAt;
  }

  /**
   * Asks for `ids` on behalf of `requester`. Ids fetched lately or known missing settle at once
   * (in a microtask); ids already pending or in flight gain the requester; the rest join the
   * next batch. Ids must be canonical versionless ids (`isArxivId`); anything else is a
   * programming error and throws a `TypeError`.
   */
  request(requester: RequesterId, ids: readonly string[], options: RequestOptions = {}): void {
    // Programming errors: nothing closes the background's queue, and the store's schema checks ids first.
    // i18n-exempt: never shown
    if (this.closed) throw new Error('The abstract queue is closed');
    const invalid = ids.find((id) => !isArxivId(id));
    // i18n-exempt: never shown, as above
    if (invalid !== undefined) throw new TypeError(`Not a versionless arXiv id: ${JSON.stringify(invalid)}`);
    const now = this.clock.now();
    const answered: IdOutcome[] = [];
    for (const id of ids as readonly ArxivId[]) {
      const paper = this.recent.get(id);
      if (paper) {
        answered.push({ status: 'found', id, paper, requesters: [requester] });
        continue;
      }
      const missingSince = this.missing.get(id);
      if (missingSince !== undefined && now - missingSince < this.missingTtlMs) {
        answered.push({ status: 'missing', id, requesters: [requester] });
        continue;
      }
      const want = this.inFlight.get(id) ?? this.pending.get(id);
      if (want) {
        want.requesters.add(requester);
        if (options.priority) want.priority = true;
        continue;
      }
      this.pending.set(id, { id, requesters: new Set([requester]), priority: options.priority === true, seq: this.seq++, failures: 0, throttled: 0 });
    }
    if (answered.length > 0) queueMicrotask(() => this.onOutcomes(answered));
    this.publish();
    this.start();
  }

  /**
   * Withdraws `requester`'s interest in `ids` (all of its ids when omitted): a tab was closed or
   * navigated away. Pending ids nobody wants any more are dropped; an id in flight still
   * settles (its paper is worth caching) but is no longer reported to this requester.
   */
  cancel(requester: RequesterId, ids?: readonly string[]): void {
    const targets = ids === undefined ? undefined : new Set(ids);
    for (const table of [this.pending, this.inFlight]) {
      for (const [id, want] of table) {
        if (targets && !targets.has(id)) continue;
        want.requesters.delete(requester);
        if (table === this.pending && want.requesters.size === 0) this.pending.delete(id);
      }
    }
    this.publish();
  }

  /** How many of `requester`'s ids are still waiting or in flight, for a progress line. */
  outstandingFor(requester: RequesterId): number {
    let count = 0;
    for (const table of [this.pending, this.inFlight]) {
      for (const want of table.values()) if (want.requesters.has(requester)) count += 1;
    }
    return count;
  }

  /** What the queue is doing now, for the page's quiet progress or error line. */
  status(): QueueStatus {
    return { ...this.current };
  }

  /** Stops the queue: nothing more is fetched or reported. */
  close(): void {
    this.closed = true;
    this.pending.clear();
    this.publish('idle');
  }

  private start(): void {
    if (this.running || this.closed || this.pending.size === 0) return;
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
      // Ids that arrived while the last response was being handled.
      this.start();
    });
  }

  private async run(): Promise<void> {
    if (this.gatherMs > 0) await this.clock.sleep(this.gatherMs);
    while (!this.closed && this.pending.size > 0) {
      const now = this.clock.now();
      const spacingAt = this.lastStartAt === undefined ? now : this.lastStartAt + API_SPACING_MS;
      const startAt = Math.max(spacingAt, this.notBefore);
      if (startAt > now) {
        this.publish(this.notBefore > now ? 'backing-off' : 'waiting');
        await this.clock.sleep(startAt - now);
        // Re-read the clock: a timer may fire early, and cancellations may have emptied the queue.
        continue;
      }
      await this.send(this.takeBatch());
    }
    this.publish('idle');
  }

  /** The next batch: priority ids first, then the rest, each in arrival order. */
  private takeBatch(): Want[] {
    const ordered = [...this.pending.values()].sort((a, b) => Number(b.priority) - Number(a.priority) || a.seq - b.seq);
    const batch = ordered.slice(0, this.batchSize);
    for (const want of batch) {
      this.pending.delete(want.id);
      this.inFlight.set(want.id, want);
    }
    return batch;
  }

  private async send(batch: Want[]): Promise<void> {
    const ids = batch.map((want) => want.id);
    const { url, init } = toApiRequest(ids);
    const startedAt = this.clock.now();
    this.lastStartAt = startedAt;
    this.onRequestStart?.(startedAt);
    this.publish('fetching');
    let response: Response;
    let body: string;
    try {
      response = await this.fetch(url, init);
      body = response.status === 429 || response.status === 503 ? '' : await response.text();
    } catch (error) {
      this.retry(batch, i18n.t('abstracts.networkError', [messageOf(error)]));
      return;
    }
    if (this.closed) return;
    if (response.status === 429 || response.status === 503) {
      this.throttle(batch, response);
      return;
    }
    if (response.status >= 500) {
      this.retry(batch, i18n.t('abstracts.httpStatus', [String(response.status)]));
      return;
    }
    if (!response.ok) {
      this.fail(batch, i18n.t('abstracts.httpStatus', [String(response.status)]));
      return;
    }
    let papers: Map<ArxivId, ApiPaper>;
    try {
      papers = papersById(parseAtomFeed(body));
    } catch (error) {
      if (error instanceof AtomResponseError && error.kind === 'api-error') this.apiError(batch, error);
      else this.retry(batch, messageOf(error));
      return;
    }
    this.settle(batch, papers);
  }

  private settle(batch: Want[], papers: Map<ArxivId, ApiPaper>): void {
    const now = this.clock.now();
    const outcomes: IdOutcome[] = [];
    for (const want of batch) {
      this.inFlight.delete(want.id);
      const paper = papers.get(want.id);
      if (paper) {
        this.remember(paper);
        outcomes.push({ status: 'found', id: want.id, paper, requesters: [...want.requesters] });
      } else {
        this.missing.set(want.id, now);
        outcomes.push({ status: 'missing', id: want.id, requesters: [...want.requesters] });
      }
      papers.delete(want.id);
    }
    // Papers nobody asked for under that id still belong in the cache.
    for (const paper of papers.values()) {
      this.remember(paper);
      outcomes.push({ status: 'found', id: paper.id, paper, requesters: [] });
    }
    this.failuresInARow = 0;
    this.lastError = undefined;
    this.report(outcomes);
  }

  /**
   * arXiv's error feed answers for the whole batch. When its message names ids of the batch
   * (`incorrect id format for …`), those are missing and the others go straight back; otherwise
   * the batch fails, since asking again would get the same answer.
   */
  private apiError(batch: Want[], error: AtomResponseError): void {
    const text = error.messages.join(' ');
    const named = batch.filter((want) => new RegExp(`(?:^|[\\s,:])${escapeRegExp(want.id)}(?:v\\d+)?(?:$|[\\s,.;])`).test(text));
    if (named.length === 0) {
      this.fail(batch, error.message);
      return;
    }
    const now = this.clock.now();
    const outcomes: IdOutcome[] = [];
    for (const want of named) {
      this.inFlight.delete(want.id);
      this.missing.set(want.id, now);
      outcomes.push({ status: 'missing', id: want.id, requesters: [...want.requesters] });
    }
    this.putBack(batch.filter((want) => !named.includes(want)));
    this.report(outcomes);
  }

  /**
   * 429/503: hold every request back for `Retry-After` or the backoff, whichever is longer, then
   * try the same batch again. The backoff grows with failures in a row across batches, so an
   * outage slows the whole queue rather than each batch starting over at 5 s.
   */
  private throttle(batch: Want[], response: Response): void {
    const now = this.clock.now();
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now);
    const busy = i18n.t('abstracts.busy', [String(response.status)]);
    this.holdBack(now, retryAfter, busy);
    const tries = Math.max(...batch.map((want) => (want.throttled += 1)));
    if (tries >= this.maxThrottledAttempts) this.fail(batch, gaveUp(busy, tries));
    else this.putBack(batch);
  }

  /** Network, server or body failures: back off and try again, up to `maxAttempts` in all. */
  private retry(batch: Want[], reason: string): void {
    this.holdBack(this.clock.now(), undefined, reason);
    const tries = Math.max(...batch.map((want) => (want.failures += 1)));
    if (tries >= this.maxAttempts) this.fail(batch, gaveUp(reason, tries));
    else this.putBack(batch);
  }

  private holdBack(now: number, retryAfter: number | undefined, reason: string): void {
    this.failuresInARow += 1;
    this.notBefore = now + backoffDelay(this.failuresInARow, retryAfter, this.backoff);
    this.lastError = reason;
  }

  private putBack(batch: Want[]): void {
    for (const want of batch) {
      this.inFlight.delete(want.id);
      if (want.requesters.size > 0) this.pending.set(want.id, want);
    }
    this.publish();
  }

  /** Settles the batch as failed. Not remembered: a later request may try again. */
  private fail(batch: Want[], reason: string): void {
    for (const want of batch) this.inFlight.delete(want.id);
    this.lastError = reason;
    this.report(batch.map((want) => ({ status: 'failed', id: want.id, reason, requesters: [...want.requesters] })));
  }

  private report(outcomes: IdOutcome[]): void {
    this.publish();
    if (outcomes.length > 0) this.onOutcomes(outcomes);
  }

  private remember(paper: ApiPaper): void {
    this.recent.delete(paper.id);
    this.recent.set(paper.id, paper);
    for (const oldest of this.recent.keys()) {
      if (this.recent.size <= this.recentLimit) break;
      this.recent.delete(oldest);
    }
  }

  private publish(state: QueueState = this.current.state): void {
    const next: QueueStatus = { state, pending: this.pending.size, inFlight: this.inFlight.size };
    if (state === 'backing-off') next.retryAt = this.notBefore;
    if (this.lastError !== undefined) next.lastError = this.lastError;
    const changed = (Object.keys(next) as (keyof QueueStatus)[]).some((key) => next[key] !== this.current[key]) || Object.keys(next).length !== Object.keys(this.current).length;
    this.current = next;
    if (changed) this.onStatus?.({ ...next });
  }
}

/** A batch's last failure once its tries are used up, as the reader is told it. */
function gaveUp(reason: string, tries: number): string {
  // Named, not positional: a plural's forms are split after positional substitution, so a reason
  // holding " | " would break it.
  return i18n.t('abstracts.gaveUp', tries, { reason });
}

function positiveInteger(value: number, name: string): number {
  // i18n-exempt: a programming error in the queue's options, never shown
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
