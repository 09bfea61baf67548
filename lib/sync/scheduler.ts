/**
 * When the sync engine may write: debounced and coalesced, within Chrome's write-rate limits, and
 * retried after a refusal. A burst of 200 stars in a few seconds becomes one flush; a refused
 * flush is tried again later with whatever changed meanwhile, so no change waits on a lost write.
 */
import { SYNC_QUOTA } from './area';

/** Time as the engine sees it: `Date.now` and `setTimeout` in the extension, a manual clock in tests. */
export interface SyncClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SchedulerOptions {
  clock: SyncClock;
  /** Writes whatever is pending; resolves to the write operations it used (0–2). */
  flush: () => Promise<number>;
  /** Quiet time after the last change before flushing. */
  debounceMs?: number;
  /** The longest a change waits while changes keep coming. */
  maxWaitMs?: number;
  /** Write operations allowed per minute and per hour: kept below Chrome's, which also counts writes this scheduler did not see (before a restart). */
  perMinute?: number;
  perHour?: number;
  /** Called when a flush fails, with the error and when the retry is due. */
  onError?: (error: unknown, retryAt: number) => void;
}

/** Operations one flush may use: a `remove` and a `set`. */
const OPS_PER_FLUSH = 2;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Whether `error` is the browser refusing a write for its rate limits. */
export function isRateError(error: unknown): boolean {
  return /MAX_WRITE_OPERATIONS/.test(error instanceof Error ? error.message : String(error));
}

/** Whether `error` is the browser refusing a write for the space it would take. */
export function isQuotaError(error: unknown): boolean {
  return /QUOTA_BYTES|MAX_ITEMS/.test(error instanceof Error ? error.message : String(error));
}

/**
 * Debounces flush requests, keeps the write rate under `perMinute`/`perHour` (default 100 and
 * 1,500, under Chrome's 120 and 1,800), runs one flush at a time, and after a failure retries
 * with backoff: a rate refusal waits out the minute, other errors wait 5 s doubling (per failure in a row) up to 5 min;
 * requests made meanwhile wait for the retry.
 */
export class WriteScheduler {
  private readonly opts: Required<Omit<SchedulerOptions, 'onError'>> & Pick<SchedulerOptions, 'onError'>;
  private readonly writes: number[] = [];
  private timer: unknown;
  private dueAt: number | undefined;
  private firstRequestAt: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private failures = 0;
  /** After a failure, no flush before this time. */
  private retryAt = 0;
  private stopped = false;

  constructor(options: SchedulerOptions) {
    this.opts = {
      debounceMs: 2_000,
      maxWaitMs: 10_000,
      perMinute: SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_MINUTE - 20,
      perHour: SYNC_QUOTA.MAX_WRITE_OPERATIONS_PER_HOUR - 300,
      ...options,
    };
  }

  /** Something changed: flush after the debounce, or at the latest `maxWaitMs` after the first request. */
  request(): void {
    if (this.stopped) return;
    const now = this.opts.clock.now();
    this.firstRequestAt ??= now;
    const debounced = Math.min(now + this.opts.debounceMs, this.firstRequestAt + this.opts.maxWaitMs);
    this.schedule(Math.max(debounced, this.rateFreeAt(now), this.retryAt));
  }

  /** Flushes now (within the rate limits) and resolves when that flush has run. */
  async flushNow(): Promise<void> {
    this.cancelTimer();
    await this.run();
  }

  /** Write operations recorded in the last minute and hour. */
  usage(): { minute: number; hour: number } {
    const now = this.opts.clock.now();
    this.prune(now);
    return { minute: this.writes.filter((at) => at > now - MINUTE).length, hour: this.writes.length };
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private schedule(at: number): void {
    if (this.dueAt === at) return;
    this.cancelTimer();
    this.dueAt = at;
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = undefined;
      this.dueAt = undefined;
      void this.run();
    }, Math.max(0, at - this.opts.clock.now()));
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.opts.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = undefined;
  }

  private prune(now: number): void {
    while (this.writes.length > 0 && this.writes[0]! <= now - HOUR) this.writes.shift();
  }

  /** The earliest time a flush's operations fit both windows. */
  private rateFreeAt(now: number): number {
    this.prune(now);
    const inMinute = this.writes.filter((at) => at > now - MINUTE);
    let at = now;
    if (inMinute.length + OPS_PER_FLUSH > this.opts.perMinute) at = Math.max(at, inMinute[inMinute.length - this.opts.perMinute + OPS_PER_FLUSH - 1]! + MINUTE);
    if (this.writes.length + OPS_PER_FLUSH > this.opts.perHour) at = Math.max(at, this.writes[this.writes.length - this.opts.perHour + OPS_PER_FLUSH - 1]! + HOUR);
    return at;
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const now = this.opts.clock.now();
    const freeAt = this.rateFreeAt(now);
    if (freeAt > now) {
      this.schedule(freeAt);
      return;
    }
    this.firstRequestAt = undefined;
    this.running = (async () => {
      try {
        const ops = await this.opts.flush();
        const at = this.opts.clock.now();
        for (let i = 0; i < ops; i++) this.writes.push(at);
        this.failures = 0;
        this.retryAt = 0;
      } catch (error) {
        this.failures++;
        const wait = isRateError(error) ? MINUTE : Math.min(5 * MINUTE, 5_000 * 2 ** (this.failures - 1));
        this.retryAt = this.opts.clock.now() + wait;
        this.opts.onError?.(error, this.retryAt);
        if (!this.stopped) this.schedule(this.retryAt);
      } finally {
        this.running = undefined;
      }
      if (this.again) {
        this.again = false;
        this.request();
      }
    })();
    return this.running;
  }
}
