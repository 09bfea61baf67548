import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_SPACING_MS, createAbstractQueue, type AbstractQueueOptions, type IdOutcome, type QueueStatus } from '@/lib/abstracts/queue';
import { readApiFixture } from './api-fixtures';
import { answerAll, atomResponse, fakeApi, feedFor, makeIds, type Answer } from './fake-api';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

function setup(answer: Answer, options: Partial<AbstractQueueOptions> = {}) {
  const api = fakeApi(answer);
  const outcomes: IdOutcome[] = [];
  const statuses: QueueStatus[] = [];
  const queue = createAbstractQueue({
    fetch: api.fetch,
    onOutcomes: (batch) => outcomes.push(...batch),
    onStatus: (status) => statuses.push(status),
    ...options,
  });
  const outcomeOf = (id: string) => outcomes.filter((outcome) => outcome.id === id);
  return { api, queue, outcomes, statuses, outcomeOf };
}

/** Gaps between consecutive request starts, in ms. */
function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((at, index) => at - (times[index] ?? 0));
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('one queue for every tab', () => {
  it('answers two tabs asking at once with one request for the union of their ids', async () => {
    const { api, queue, outcomes } = setup(answerAll);
    queue.request('tab:1', ['2602.10000', '2602.10001', '2602.10002']);
    queue.request('tab:2', ['2602.10002', '2602.10003']);
    await vi.runAllTimersAsync();

    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.ids).toEqual(['2602.10000', '2602.10001', '2602.10002', '2602.10003']);
    expect(api.requests[0]?.maxResults).toBe(4);
    expect(outcomes.map((outcome) => [outcome.id, outcome.status, outcome.requesters])).toEqual([
      ['2602.10000', 'found', ['tab:1']],
      ['2602.10001', 'found', ['tab:1']],
      ['2602.10002', 'found', ['tab:1', 'tab:2']],
      ['2602.10003', 'found', ['tab:2']],
    ]);
  });

  it('starts requests exactly 3 s apart, never sooner, one at a time', async () => {
    let open = 0;
    let mostOpen = 0;
    const { api, queue, outcomes } = setup(async (request) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      await new Promise((resolve) => setTimeout(resolve, 400));
      open -= 1;
      return answerAll(request, 0);
    });
    queue.request('tab:1', makeIds(450));
    await vi.runAllTimersAsync();

    expect(api.requests.map((request) => request.ids.length)).toEqual([200, 200, 50]);
    expect(gaps(api.requests.map((request) => request.at))).toEqual([API_SPACING_MS, API_SPACING_MS]);
    expect(mostOpen).toBe(1);
    expect(outcomes.filter((outcome) => outcome.status === 'found')).toHaveLength(450);
  });

  it('keeps 3 s between starts when a response takes longer than that', async () => {
    const { api, queue } = setup(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 4_500));
      return answerAll(request, 0);
    }, { batchSize: 2 });
    queue.request('tab:1', makeIds(6));
    await vi.runAllTimersAsync();
    // Each request starts as soon as the previous one has been answered, 4.5 s later.
    expect(gaps(api.requests.map((request) => request.at))).toEqual([4_500, 4_500]);
  });

  it('puts ids that arrive while the queue waits into its next batch', async () => {
    const { api, queue } = setup(answerAll);
    queue.request('tab:1', ['2602.10000']);
    await vi.advanceTimersByTimeAsync(1_000);
    queue.request('tab:2', ['2602.10001', '2602.10002']);
    await vi.advanceTimersByTimeAsync(1_000);
    queue.request('tab:3', ['2602.10003']);
    await vi.runAllTimersAsync();

    expect(api.requests.map((request) => request.ids)).toEqual([['2602.10000'], ['2602.10001', '2602.10002', '2602.10003']]);
    expect(gaps(api.requests.map((request) => request.at))).toEqual([API_SPACING_MS]);
  });

  it('waits out the spacing of a previous service worker from lastRequestAt', async () => {
    const { api, queue } = setup(answerAll, { lastRequestAt: T0 - 1_000 });
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(api.requests[0]?.at).toBe(T0 + 2_000);
  });

  it('reports each request start so the background can persist it', async () => {
    const starts: number[] = [];
    const { api, queue } = setup(answerAll, { batchSize: 1, onRequestStart: (at) => starts.push(at) });
    queue.request('tab:1', makeIds(2));
    await vi.runAllTimersAsync();
    expect(starts).toEqual(api.requests.map((request) => request.at));
  });
});

describe('nothing fetched twice', () => {
  it('adds a second tab to an id in flight instead of asking again', async () => {
    const { api, queue, outcomeOf } = setup(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return answerAll(request, 0);
    });
    queue.request('tab:1', ['2602.10000']);
    await vi.advanceTimersByTimeAsync(500);
    expect(api.requests).toHaveLength(1);
    queue.request('tab:2', ['2602.10000']);
    await vi.runAllTimersAsync();

    expect(api.requests).toHaveLength(1);
    expect(outcomeOf('2602.10000')).toEqual([expect.objectContaining({ status: 'found', requesters: ['tab:1', 'tab:2'] })]);
  });

  it('answers an id fetched a moment ago from memory, without a request', async () => {
    const { api, queue, outcomeOf } = setup(answerAll);
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    queue.request('tab:2', ['2602.10000']);
    await vi.runAllTimersAsync();

    expect(api.requests).toHaveLength(1);
    expect(outcomeOf('2602.10000').map((outcome) => [outcome.status, outcome.requesters])).toEqual([
      ['found', ['tab:1']],
      ['found', ['tab:2']],
    ]);
  });

  it('forgets the oldest remembered papers beyond recentLimit', async () => {
    const { api, queue } = setup(answerAll, { recentLimit: 2 });
    queue.request('tab:1', makeIds(3));
    await vi.runAllTimersAsync();
    queue.request('tab:1', makeIds(3));
    await vi.runAllTimersAsync();
    expect(api.requests.map((request) => request.ids)).toEqual([makeIds(3), ['2602.10000']]);
  });

  it('reports ids the API leaves out as missing and does not ask for them again until the TTL passes', async () => {
    const missingAnswer = readApiFixture('id-list-missing-2025-11.xml');
    const { api, queue, outcomeOf } = setup(() => atomResponse(missingAnswer), { missingTtlMs: 60_000 });
    const ids = ['2201.13455', '2201.13452', '2201.13453', '2201.13454'];
    queue.request('tab:1', ids);
    await vi.runAllTimersAsync();
    expect(ids.map((id) => outcomeOf(id)[0]?.status)).toEqual(['missing', 'found', 'missing', 'missing']);

    queue.request('tab:2', ['2201.13455']);
    await vi.runAllTimersAsync();
    expect(api.requests).toHaveLength(1);
    expect(outcomeOf('2201.13455')[1]).toEqual({ status: 'missing', id: '2201.13455', requesters: ['tab:2'] });

    vi.setSystemTime(Date.now() + 60_000);
    queue.request('tab:2', ['2201.13455']);
    await vi.runAllTimersAsync();
    expect(api.requests.map((request) => request.ids)).toEqual([ids, ['2201.13455']]);
  });

  it('skips the empty entries of the pre-2025 API and still reports those ids as missing', async () => {
    const { queue, outcomes } = setup(() => atomResponse(readApiFixture('id-list-missing-2025-08.xml')));
    queue.request('tab:1', ['2201.13455', '2201.13452', '2201.13453', '2201.13454']);
    await vi.runAllTimersAsync();
    expect(outcomes.map((outcome) => `${outcome.id}:${outcome.status}`)).toEqual([
      '2201.13455:missing',
      '2201.13452:found',
      '2201.13453:missing',
      '2201.13454:missing',
    ]);
  });
});

describe('results matched by id', () => {
  it('matches an answer in another order to the ids requested, with versions and old-scheme ids', async () => {
    const { queue, outcomes } = setup(() => atomResponse(readApiFixture('derived-id-list-out-of-order.xml')));
    const ids = ['1309.4668', 'nucl-ex/0408020', '1610.08734', '2102.00018'];
    queue.request('tab:1', ids);
    await vi.runAllTimersAsync();
    expect(outcomes.map((outcome) => outcome.id)).toEqual(ids);
    expect(outcomes.map((outcome) => (outcome.status === 'found' ? `${outcome.paper.id}v${outcome.paper.version}` : outcome.status))).toEqual([
      '1309.4668v1',
      'nucl-ex/0408020v1',
      '1610.08734v3',
      '2102.00018v2',
    ]);
  });

  it('reports a paper the API sent under an id nobody asked for with no requesters, for the cache', async () => {
    const { queue, outcomes } = setup(() => atomResponse(feedFor(['2602.10000', '2602.19999'])));
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(outcomes.map((outcome) => [outcome.id, outcome.status, outcome.requesters])).toEqual([
      ['2602.10000', 'found', ['tab:1']],
      ['2602.19999', 'found', []],
    ]);
  });

  it('reports a withdrawn paper as found and withdrawn', async () => {
    const { queue, outcomeOf } = setup(() => atomResponse(readApiFixture('derived-withdrawn-2602.22812.xml')));
    queue.request('tab:1', ['2602.22812']);
    await vi.runAllTimersAsync();
    const [outcome] = outcomeOf('2602.22812');
    expect(outcome?.status === 'found' && outcome.paper.withdrawn).toBe(true);
  });
});

describe('arXiv says "not now": 429 and 503', () => {
  it('honours Retry-After in seconds on a 429', async () => {
    const { api, queue, outcomes } = setup((request, index) =>
      index === 0 ? new Response('Too Many Requests', { status: 429, headers: { 'Retry-After': '30' } }) : answerAll(request, index),
    );
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(gaps(api.requests.map((request) => request.at))).toEqual([30_000]);
    expect(outcomes).toEqual([expect.objectContaining({ id: '2602.10000', status: 'found' })]);
  });

  it('honours Retry-After as an HTTP date on a 503, and holds back every batch meanwhile', async () => {
    const retryAt = new Date(T0 + 50 + 120_000).toUTCString();
    const { api, queue } = setup(
      (request, index) => (index === 0 ? new Response('', { status: 503, headers: { 'Retry-After': retryAt } }) : answerAll(request, index)),
      { batchSize: 1 },
    );
    queue.request('tab:1', makeIds(2));
    await vi.runAllTimersAsync();
    const starts = api.requests.map((request) => request.at);
    // HTTP dates have whole seconds; the first request started 50 ms after T0 (the gathering window).
    expect(starts[1]).toBe(Date.parse(retryAt));
    expect(api.requests.map((request) => request.ids)).toEqual([['2602.10000'], ['2602.10000'], ['2602.10001']]);
    expect(gaps(starts)[1]).toBe(API_SPACING_MS);
  });

  it('backs off exponentially from 5 s without Retry-After, then gives up and says why', async () => {
    const { api, queue, outcomes, statuses } = setup(() => new Response('', { status: 503 }), { maxThrottledAttempts: 4 });
    queue.request('tab:1', ['2602.10000']);
    await vi.advanceTimersByTimeAsync(60);
    expect(statuses.at(-1)).toMatchObject({ state: 'backing-off', retryAt: T0 + 50 + 5_000, lastError: 'arXiv is busy (HTTP 503)' });
    await vi.runAllTimersAsync();
    expect(gaps(api.requests.map((request) => request.at))).toEqual([5_000, 10_000, 20_000]);
    expect(outcomes).toEqual([{ status: 'failed', id: '2602.10000', requesters: ['tab:1'], reason: 'arXiv is busy (HTTP 503); gave up after 4 tries' }]);
    expect(statuses.at(-1)).toMatchObject({ state: 'idle', pending: 0, inFlight: 0 });
  });

  it('keeps backing off across batches during an outage, and starts over after a good answer', async () => {
    let outage = true;
    const { api, queue, outcomes } = setup((request, index) => (outage ? new Response('', { status: 503 }) : answerAll(request, index)), {
      batchSize: 1,
      maxThrottledAttempts: 2,
    });
    queue.request('tab:1', makeIds(2));
    await vi.runAllTimersAsync();
    expect(api.requests.map((request) => request.ids[0])).toEqual(['2602.10000', '2602.10000', '2602.10001', '2602.10001']);
    expect(gaps(api.requests.map((request) => request.at))).toEqual([5_000, 10_000, 20_000]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'failed']);

    outage = false;
    queue.request('tab:1', makeIds(1, 10_002));
    await vi.runAllTimersAsync();
    outage = true;
    queue.request('tab:1', makeIds(1, 10_003));
    await vi.runAllTimersAsync();
    const last = api.requests.slice(-2).map((request) => request.at);
    expect(gaps(last)).toEqual([5_000]);
  });

  it('uses the exponential step when Retry-After asks for less than it', async () => {
    const { api, queue } = setup((request, index) =>
      index === 0 ? new Response('', { status: 429, headers: { 'Retry-After': '1' } }) : answerAll(request, index),
    );
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(gaps(api.requests.map((request) => request.at))).toEqual([5_000]);
  });
});

describe('failures', () => {
  it('retries a network failure in the middle of the queue and carries on with the rest', async () => {
    const { api, queue, outcomes } = setup(
      (request, index) => {
        if (index === 1) throw new TypeError('Failed to fetch');
        return answerAll(request, index);
      },
      { batchSize: 2 },
    );
    queue.request('tab:1', makeIds(6));
    await vi.runAllTimersAsync();
    expect(api.requests.map((request) => request.ids)).toEqual([makeIds(2), makeIds(2, 10_002), makeIds(2, 10_002), makeIds(2, 10_004)]);
    expect(gaps(api.requests.map((request) => request.at))).toEqual([3_000, 5_000, 3_000]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(6).fill('found'));
  });

  it('gives up on a batch after maxAttempts network failures, and tries again when asked again', async () => {
    let down = true;
    const { api, queue, outcomes } = setup((request, index) => {
      if (down) return Promise.reject(new TypeError('Failed to fetch'));
      return answerAll(request, index);
    });
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(api.requests).toHaveLength(3);
    expect(gaps(api.requests.map((request) => request.at))).toEqual([5_000, 10_000]);
    expect(outcomes).toEqual([
      { status: 'failed', id: '2602.10000', requesters: ['tab:1'], reason: 'network error: Failed to fetch; gave up after 3 tries' },
    ]);

    down = false;
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(outcomes.at(-1)).toMatchObject({ status: 'found', id: '2602.10000' });
  });

  it('keeps a reason whole when it holds the " | " that separates a plural message\'s forms', async () => {
    const { queue, outcomes } = setup(() => Promise.reject(new TypeError('proxy said no | try later')), { maxAttempts: 2 });
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(outcomes).toEqual([
      { status: 'failed', id: '2602.10000', requesters: ['tab:1'], reason: 'network error: proxy said no | try later; gave up after 2 tries' },
    ]);
  });

  it('treats malformed XML as a failed try: retried, then reported, never half-read', async () => {
    const { api, queue, outcomes } = setup(() => atomResponse(readApiFixture('derived-malformed-truncated.xml')), { maxAttempts: 2 });
    queue.request('tab:1', ['2206.06921']);
    await vi.runAllTimersAsync();
    expect(api.requests).toHaveLength(2);
    expect(outcomes).toHaveLength(1);
    const [outcome] = outcomes;
    expect(outcome?.status).toBe('failed');
    expect(outcome?.status === 'failed' && outcome.reason).toMatch(/^arXiv's response is not well-formed XML \(line \d+, column \d+\): .*; gave up after 2 tries$/);
  });

  it('treats an HTML page as a failed try and recovers when the API is back', async () => {
    const { queue, outcomes } = setup((request, index) =>
      index === 0 ? new Response(readApiFixture('derived-html-error.html'), { status: 200, headers: { 'Content-Type': 'text/html' } }) : answerAll(request, index),
    );
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(outcomes).toEqual([expect.objectContaining({ status: 'found', id: '2602.10000' })]);
  });

  it('retries a 500 but fails a 400 at once', async () => {
    const { api, queue, outcomes } = setup((request, index) =>
      index === 0 ? new Response('', { status: 500 }) : new Response('bad request', { status: 400 }),
    );
    queue.request('tab:1', ['2602.10000']);
    await vi.runAllTimersAsync();
    expect(api.requests).toHaveLength(2);
    expect(outcomes).toEqual([{ status: 'failed', id: '2602.10000', requesters: ['tab:1'], reason: 'arXiv API answered HTTP 400' }]);
  });

  it("marks the ids arXiv's error feed names as missing and fetches the rest again at once", async () => {
    const errorFeed = readApiFixture('derived-api-error.xml').replaceAll('2201.1345', '2201.13455');
    const { api, queue, outcomes } = setup((request, index) => (index === 0 ? atomResponse(errorFeed) : answerAll(request, index)));
    queue.request('tab:1', ['2201.13452', '2201.13455']);
    await vi.runAllTimersAsync();
    expect(api.requests.map((request) => request.ids)).toEqual([['2201.13452', '2201.13455'], ['2201.13452']]);
    expect(gaps(api.requests.map((request) => request.at))).toEqual([API_SPACING_MS]);
    expect(outcomes.map((outcome) => `${outcome.id}:${outcome.status}`)).toEqual(['2201.13455:missing', '2201.13452:found']);
  });

  it('fails the batch with arXiv\'s message when the error feed names none of its ids', async () => {
    const { api, queue, outcomes } = setup(() => atomResponse(readApiFixture('derived-api-error.xml')));
    queue.request('tab:1', ['2201.13452']);
    await vi.runAllTimersAsync();
    expect(api.requests).toHaveLength(1);
    expect(outcomes).toEqual([{ status: 'failed', id: '2201.13452', requesters: ['tab:1'], reason: 'arXiv API error: incorrect id format for 2201.1345' }]);
  });
});

describe('who wants what', () => {
  it('sends nothing for ids every tab has given up before their batch', async () => {
    const { api, queue, outcomes } = setup(answerAll);
    queue.request('tab:1', ['2602.10000', '2602.10001']);
    queue.request('tab:2', ['2602.10001']);
    queue.cancel('tab:1');
    queue.cancel('tab:2', ['2602.10001']);
    await vi.runAllTimersAsync();
    expect(api.requests).toEqual([]);
    expect(outcomes).toEqual([]);
  });

  it('still fetches what another tab wants, and reports it only to that tab', async () => {
    const { api, queue, outcomes } = setup(answerAll);
    queue.request('tab:1', ['2602.10000', '2602.10001']);
    queue.request('tab:2', ['2602.10001']);
    queue.cancel('tab:1');
    await vi.runAllTimersAsync();
    expect(api.requests.map((request) => request.ids)).toEqual([['2602.10001']]);
    expect(outcomes.map((outcome) => [outcome.id, outcome.requesters])).toEqual([['2602.10001', ['tab:2']]]);
  });

  it('lets an id in flight settle after its tab left, with nobody to report to', async () => {
    const { queue, outcomes } = setup(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return answerAll(request, 0);
    });
    queue.request('tab:1', ['2602.10000']);
    await vi.advanceTimersByTimeAsync(500);
    queue.cancel('tab:1');
    await vi.runAllTimersAsync();
    expect(outcomes).toEqual([expect.objectContaining({ id: '2602.10000', status: 'found', requesters: [] })]);
  });

  it('fetches ids on screen before the rest, whenever they were asked for', async () => {
    const { api, queue } = setup(answerAll, { batchSize: 3 });
    queue.request('tab:1', makeIds(5));
    queue.request('tab:1', ['2602.10004', '2602.10003'], { priority: true });
    queue.request('tab:2', ['2602.20000'], { priority: true });
    await vi.runAllTimersAsync();
    expect(api.requests.map((request) => request.ids)).toEqual([
      ['2602.10003', '2602.10004', '2602.20000'],
      ['2602.10000', '2602.10001', '2602.10002'],
    ]);
  });

  it("counts each tab's outstanding ids for its progress line", async () => {
    const { queue } = setup(answerAll, { batchSize: 2 });
    queue.request('tab:1', makeIds(3));
    queue.request('tab:2', ['2602.10002']);
    expect([queue.outstandingFor('tab:1'), queue.outstandingFor('tab:2'), queue.outstandingFor('tab:3')]).toEqual([3, 1, 0]);
    await vi.advanceTimersByTimeAsync(100);
    expect(queue.outstandingFor('tab:1')).toBe(1);
    await vi.runAllTimersAsync();
    expect(queue.outstandingFor('tab:1')).toBe(0);
  });

  it('refuses ids that are not canonical versionless ids', () => {
    const { queue } = setup(answerAll);
    expect(() => queue.request('tab:1', ['2602.10000v2'])).toThrow(new TypeError('Not a versionless arXiv id: "2602.10000v2"'));
    expect(() => queue.request('tab:1', ['arXiv:2602.10000'])).toThrow(TypeError);
  });

  it('stops fetching and reporting once closed', async () => {
    const { api, queue, outcomes } = setup(answerAll, { batchSize: 1 });
    queue.request('tab:1', makeIds(3));
    await vi.advanceTimersByTimeAsync(100);
    queue.close();
    await vi.runAllTimersAsync();
    expect(api.requests).toHaveLength(1);
    expect(outcomes).toHaveLength(1);
    expect(() => queue.request('tab:1', makeIds(1))).toThrow('The abstract queue is closed');
  });
});

describe('request shape', () => {
  it('asks with a GET for a few ids and a form POST for a long list', async () => {
    const { api, queue } = setup(answerAll, { batchSize: 200 });
    queue.request('tab:1', makeIds(3));
    await vi.runAllTimersAsync();
    queue.request('tab:1', makeIds(200, 20_000));
    await vi.runAllTimersAsync();
    expect(api.requests.map((request) => [request.method, request.ids.length, request.maxResults])).toEqual([
      ['GET', 3, 3],
      ['POST', 200, 200],
    ]);
    expect(api.requests[1]?.url).toBe('https://export.arxiv.org/api/query');
  });
});
