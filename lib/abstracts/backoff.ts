/**
 * When to ask arXiv again after it said "not now" (HTTP 429 or 503) or the request failed: the
 * server's `Retry-After` when it sends one (RFC 9110 §10.2.3: delay-seconds or an HTTP date),
 * never less than exponential backoff, and never absurdly long.
 */

export interface BackoffPolicy {
  /** Delay after the first failure; doubled after each further one. */
  initialMs: number;
  /** Ceiling of the exponential part. */
  maxMs: number;
  /** Longest `Retry-After` obeyed; a longer one (or a date far ahead) is cut to this. */
  maxRetryAfterMs: number;
}

/**
 * 5 s, 10 s, 20 s, … up to 5 minutes: arXiv's 503s usually clear within a minute, and five
 * minutes keeps a long outage from hammering it. `Retry-After` is obeyed up to an hour.
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 5_000, maxMs: 300_000, maxRetryAfterMs: 3_600_000 };

const DELAY_SECONDS = /^\d+$/;

/**
 * Reads a `Retry-After` header value as milliseconds from `now`: `"120"` is two minutes, an HTTP
 * date is the time until then (0 when it has passed). Returns `undefined` for a missing or
 * unreadable value, so the caller falls back to its own backoff.
 *
 * @example parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z')) // 60000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) return Number(text) * 1000;
  // An HTTP date always names its weekday and month in letters; refuse bare numbers Date.parse would guess at.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/**
 * The wait before try number `failures + 1`, after `failures` (≥ 1) failures in a row: the larger
 * of the exponential step and the server's `Retry-After` (each capped by the policy).
 *
 * @example backoffDelay(3, undefined) // 20000
 * @example backoffDelay(1, 90_000)     // 90000
 */
export function backoffDelay(failures: number, retryAfterMs: number | undefined, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const step = Math.max(0, failures - 1);
  const exponential = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(step, 30));
  const server = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return Math.max(exponential, server);
}
