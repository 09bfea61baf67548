/**
 * arXiv's rate limit as a property: whatever tabs ask for, whenever, and however the API answers
 * (slowly, 429/503, dropped connections), request starts are ≥ 3 s apart, one request is open at a
 * time, every tab hears about every id it asked for, and no id is fetched again once arXiv has
 * answered for it.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_SPACING_MS, createAbstractQueue, type IdOutcome } from '@/lib/abstracts/queue';
import { answerAll, fakeApi, makeIds } from './fake-api';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 9) });
});

afterEach(() => {
  vi.useRealTimers();
});

const arrival = fc.record({
  tab: fc.constantFrom('tab:1', 'tab:2', 'tab:3'),
  afterMs: fc.integer({ min: 0, max: 7_000 }),
  from: fc.integer({ min: 0, max: 40 }),
  count: fc.integer({ min: 1, max: 25 }),
  priority: fc.boolean(),
});

const answerKind = fc.constantFrom('ok', 'ok', 'ok', 'slow', '429', '503', 'network');

describe('request spacing under any traffic', () => {
  it('never starts two requests less than 3 s apart, nor two at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arrival, { minLength: 1, maxLength: 8 }), fc.array(answerKind, { minLength: 1, maxLength: 12 }), async (arrivals, answers) => {
        let open = 0;
        let overlapping = false;
        const answered: string[] = [];
        const api = fakeApi(async (request, index) => {
          open += 1;
          overlapping ||= open > 1;
          try {
            switch (answers[index % answers.length]) {
              case 'slow':
                await new Promise((resolve) => setTimeout(resolve, 3_500));
                answered.push(...request.ids);
                return answerAll(request, index);
              case '429':
                return new Response('', { status: 429, headers: { 'Retry-After': '7' } });
              case '503':
                return new Response('', { status: 503 });
              case 'network':
                throw new TypeError('Failed to fetch');
              default:
                answered.push(...request.ids);
                return answerAll(request, index);
            }
          } finally {
            open -= 1;
          }
        });
        const outcomes: IdOutcome[] = [];
        const queue = createAbstractQueue({ fetch: api.fetch, onOutcomes: (batch) => outcomes.push(...batch), batchSize: 10 });
        const asked = new Set<string>();
        for (const { tab, afterMs, from, count, priority } of arrivals) {
          await vi.advanceTimersByTimeAsync(afterMs);
          const ids = makeIds(count, 10_000 + from);
          ids.forEach((id) => asked.add(`${tab} ${id}`));
          queue.request(tab, ids, { priority });
        }
        await vi.runAllTimersAsync();

        const starts = api.requests.map((request) => request.at);
        starts.slice(1).forEach((at, index) => expect(at - (starts[index] ?? 0)).toBeGreaterThanOrEqual(API_SPACING_MS));
        expect(overlapping).toBe(false);
        const settled = outcomes.flatMap((outcome) => outcome.requesters.map((tab) => `${tab} ${outcome.id}`));
        expect(new Set(settled)).toEqual(asked);
        expect(new Set(answered).size).toBe(answered.length);
      }),
      { numRuns: 60 },
    );
  });
});
