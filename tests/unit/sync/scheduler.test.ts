import { describe, expect, it } from 'vitest';
import { WriteScheduler, isQuotaError, isRateError } from '@/lib/sync/scheduler';
import { drain, ManualClock } from './emulator';

function setup(flush: () => Promise<number> = async () => 1) {
  const clock = new ManualClock();
  const flushedAt: number[] = [];
  const errors: { error: unknown; retryAt: number }[] = [];
  const scheduler = new WriteScheduler({
    clock,
    flush: async () => {
      flushedAt.push(clock.now());
      return flush();
    },
    onError: (error, retryAt) => errors.push({ error, retryAt }),
  });
  return { clock, scheduler, flushedAt, errors, start: clock.now() };
}

async function advance(clock: ManualClock, ms: number, step = 100): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    clock.advance(step);
    await drain();
  }
}

describe('WriteScheduler', () => {
  it('flushes once, 2 s after the last of a burst of requests', async () => {
    const { clock, scheduler, flushedAt, start } = setup();
    for (let i = 0; i < 10; i++) {
      scheduler.request();
      await advance(clock, 500);
    }
    await advance(clock, 3_000);
    expect(flushedAt).toEqual([start + 4_500 + 2_000]);
  });

  it('flushes at the latest 10 s after the first request while requests keep coming', async () => {
    const { clock, scheduler, flushedAt, start } = setup();
    for (let i = 0; i < 30; i++) {
      scheduler.request();
      await advance(clock, 1_000);
    }
    expect(flushedAt[0]).toBe(start + 10_000);
    expect(flushedAt.length).toBeLessThanOrEqual(3);
  });

  it('never writes more than 100 times a minute or 1,500 times an hour, however often it is asked', async () => {
    const { clock, scheduler, flushedAt } = setup(async () => 2);
    for (let i = 0; i < 3 * 60 * 60; i++) {
      scheduler.request();
      await scheduler.flushNow();
      clock.advance(1_000);
    }
    const perMinute = Math.max(...flushedAt.map((at) => flushedAt.filter((t) => t > at - 60_000 && t <= at).length * 2));
    const perHour = Math.max(...flushedAt.map((at) => flushedAt.filter((t) => t > at - 3_600_000 && t <= at).length * 2));
    expect(perMinute).toBeLessThanOrEqual(100);
    expect(perHour).toBeLessThanOrEqual(1_500);
    expect(scheduler.usage().hour).toBeLessThanOrEqual(1_500);
  }, 60_000);

  it('waits out the minute after a rate refusal and backs off after other errors', async () => {
    let fail: Error | undefined = new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    const { clock, scheduler, flushedAt, errors, start } = setup(async () => {
      if (fail) throw fail;
      return 1;
    });
    scheduler.request();
    await advance(clock, 2_100);
    expect(errors[0]?.retryAt).toBe(start + 2_000 + 60_000);
    fail = new Error('network down');
    await advance(clock, 60_000);
    expect(errors[1]?.retryAt).toBe(start + 62_000 + 10_000);
    scheduler.request();
    fail = undefined;
    await advance(clock, 11_000);
    expect(flushedAt).toEqual([start + 2_000, start + 62_000, start + 72_000]);
  });

  it('tells quota and rate refusals apart by the browser\'s messages', () => {
    expect(isRateError(new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('MAX_ITEMS quota exceeded'))).toBe(true);
    expect(isRateError(new Error('QUOTA_BYTES quota exceeded'))).toBe(false);
  });
});
