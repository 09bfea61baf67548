import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from '@/lib/abstracts/backoff';

const NOW = Date.parse('2026-03-02T09:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Mon, 02 Mar 2026 09:01:30 GMT', 90_000],
    ['Monday, 02-Mar-26 09:00:10 GMT', 10_000],
    ['Mon, 02 Mar 2026 08:00:00 GMT', 0],
  ])('reads %j as %d ms from now', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([[null], [undefined], [''], ['-5'], ['1.5'], ['soon'], ['2026-03-02']])('gives up on %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, undefined, 5_000],
    [2, undefined, 10_000],
    [3, undefined, 20_000],
    [7, undefined, 300_000],
    [60, undefined, 300_000],
    [1, 90_000, 90_000],
    [3, 1_000, 20_000],
    [1, 10 * 3_600_000, 3_600_000],
  ])('after %d failures with Retry-After %s waits %d ms', (failures, retryAfter, ms) => {
    expect(backoffDelay(failures, retryAfter)).toBe(ms);
  });

  it('follows the policy it is given', () => {
    expect(backoffDelay(3, undefined, { ...DEFAULT_BACKOFF, initialMs: 1_000, maxMs: 3_000 })).toBe(3_000);
  });
});
