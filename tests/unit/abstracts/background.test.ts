/**
 * The background's abstract service end to end, without a browser: the real cache in
 * fake-indexeddb, the real queue, a fake `fetch` standing in for export.arxiv.org, and a clock
 * that jumps ahead whenever the queue waits, so arXiv's 3 s spacing costs the tests nothing and
 * request times are exact.
 */
import { describe, expect, it, vi } from 'vitest';
import { createAbstractService, type AbstractServiceOptions } from '@/lib/abstracts/background';
import { API_SPACING_MS, type QueueClock } from '@/lib/abstracts/queue';
import type { ArxivId } from '@/lib/arxiv/types';
import type { AbstractsDelivery } from '@/lib/store/api';
import { rememberPagePapers } from '@/lib/store/abstracts';
import { assembleTrainingData } from '@/lib/store/ranking';
import { createApiHandler } from '@/lib/store/handlers';
import { EXTENSION_ID, NOW, PAGES_URL, freshDb, meta } from '../store/support';
import { readApiFixture } from './api-fixtures';
import { answerAll, atomResponse, fakeApi, type Answer } from './fake-api';

/** Time moves only when the queue sleeps, by exactly what it asked for. */
function jumpingClock(start = NOW): QueueClock & { now(): number } {
  let now = start;
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise((resolve) =>
        setTimeout(() => {
          now += ms;
          resolve();
        }, 0),
      ),
  };
}

interface Sent {
  tabId: number;
  data: AbstractsDelivery;
}

function setup(answer: Answer = answerAll, overrides: Partial<AbstractServiceOptions> = {}) {
  const clock = jumpingClock();
  const api = fakeApi(async (request, index) => answer({ ...request, at: clock.now() }, index));
  const times: number[] = [];
  const fetch: AbstractServiceOptions['fetch'] = (url, init) => {
    times.push(clock.now());
    return api.fetch(url, init);
  };
  const sent: Sent[] = [];
  const persisted: number[] = [];
  const db = freshDb();
  let fetching = true;
  const service = createAbstractService({
    db,
    fetch,
    sendToTab: async (tabId, message) => void sent.push({ tabId, data: message.data }),
    isFetchingEnabled: async () => fetching,
    lastRequest: { get: async () => undefined, set: async (at) => void persisted.push(at) },
    now: clock.now,
    ...overrides,
    queue: { clock, ...overrides.queue },
  });
  const papersSentTo = (tabId: number) => sent.filter((message) => message.tabId === tabId).flatMap((message) => message.data.papers.map((paper) => paper.id));
  return {
    db,
    api,
    times,
    sent,
    persisted,
    service,
    clock,
    papersSentTo,
    turnFetching: (on: boolean) => void (fetching = on),
  };
}

const ids = (...list: string[]) => list as ArxivId[];
const DAI = ids('2602.23220', '2602.22423', '2602.22409', '2602.22392');
const daiFeed = readApiFixture('derived-id-list-dai_d_1.xml');

describe('abstracts.request through the service', () => {
  it('answers remembered abstracts from the cache and asks arXiv for nothing', async () => {
    const { db, api, service } = setup();
    await rememberPagePapers(db, [meta('2602.22290', { abstract: 'Consensus over $\\tilde O(D)$ rounds.' })], NOW);
    const result = await service.request(1, { ids: ids('2602.22290') });
    expect(result).toEqual({
      cached: [expect.objectContaining({ id: '2602.22290', abstract: 'Consensus over $\\tilde O(D)$ rounds.', title: meta('2602.22290').title })],
      queued: [],
      missing: [],
      fetching: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.requests).toEqual([]);
  });

  it('queues the rest for the tab, delivers them by message, and caches them for the next page', async () => {
    const { api, service, sent, papersSentTo } = setup(() => atomResponse(daiFeed));
    const result = await service.request(7, { ids: DAI });
    expect(result).toMatchObject({ cached: [], queued: DAI, missing: [], fetching: true });
    await vi.waitFor(() => expect(papersSentTo(7).sort()).toEqual([...DAI].sort()));
    expect(api.requests.map((request) => request.ids)).toEqual([DAI]);
    const last = sent.at(-1)!.data;
    expect(last.status).toMatchObject({ outstanding: 0 });
    expect(last.papers.find((paper) => paper.id === '2602.23220')).toMatchObject({
      title: expect.stringContaining('STELLAR'),
      comments: expect.stringContaining('SC25'),
      authors: expect.arrayContaining(['Dong Dai']),
    });

    // Another tab later: the cache answers, arXiv is not asked again.
    await vi.waitFor(async () => expect((await service.request(8, { ids: DAI })).cached).toHaveLength(4));
    expect(api.requests).toHaveLength(1);
  });

  it('sends one request for two tabs asking for overlapping ids, and gives each tab its own', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { api, service, papersSentTo } = setup(async (request) => {
      await gate;
      return answerAll(request, 0);
    });
    await service.request(1, { ids: ids('2602.10000', '2602.10001') });
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));
    const second = await service.request(2, { ids: ids('2602.10001', '2602.10002') });
    expect(second.queued).toEqual(['2602.10001', '2602.10002']);
    release();
    await vi.waitFor(() => expect(papersSentTo(2).sort()).toEqual(['2602.10001', '2602.10002']));
    expect(papersSentTo(1).sort()).toEqual(['2602.10000', '2602.10001']);
    // In flight: 10001 joined the first request; only 10002 needed a second one, 3 s later.
    expect(api.requests.map((request) => request.ids)).toEqual([['2602.10000', '2602.10001'], ['2602.10002']]);
  });

  it('keeps request starts at least 3 s apart across tabs', async () => {
    const { times, service, papersSentTo } = setup(answerAll, { queue: { batchSize: 2 } });
    await service.request(1, { ids: ids('2602.10000', '2602.10001', '2602.10002') });
    await service.request(2, { ids: ids('2602.10003', '2602.10004') });
    await vi.waitFor(() => expect(papersSentTo(2)).toHaveLength(2));
    await vi.waitFor(() => expect(papersSentTo(1)).toHaveLength(3));
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(API_SPACING_MS);
  });

  it('puts on-screen ids first', async () => {
    const { api, service } = setup(answerAll, { queue: { batchSize: 1 } });
    await service.request(1, { ids: ids('2602.10000', '2602.10001', '2602.10002'), visible: ids('2602.10002') });
    await vi.waitFor(() => expect(api.requests).toHaveLength(3));
    expect(api.requests.map((request) => request.ids[0])).toEqual(['2602.10002', '2602.10000', '2602.10001']);
  });

  it('answers ids arXiv said it lacks as missing at once, without asking again', async () => {
    const { api, service, sent } = setup(() => atomResponse(readApiFixture('id-list-missing-2025-11.xml')));
    await service.request(1, { ids: ids('2201.13452', '2201.13455') });
    await vi.waitFor(() => expect(sent.flatMap((message) => message.data.missing)).toEqual(['2201.13455']));
    const again = await service.request(2, { ids: ids('2201.13455') });
    expect(again).toMatchObject({ cached: [], queued: [], missing: ['2201.13455'] });
    expect(api.requests).toHaveLength(1);
  });

  it('fetches again an abstract cached from an older version than the page lists', async () => {
    const { db, api, service } = setup(() => atomResponse(readApiFixture('id-list-2206.06921-2025-11.xml')));
    await rememberPagePapers(db, [meta('2206.06921', { version: 1 })], NOW);
    expect((await service.request(1, { ids: ids('2206.06921'), versions: { '2206.06921': 1 } })).cached).toHaveLength(1);
    const stale = await service.request(1, { ids: ids('2206.06921'), versions: { '2206.06921': 3 } });
    expect(stale).toMatchObject({ cached: [], queued: ['2206.06921'] });
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));
  });

  it('with fetching off, answers only cached abstracts and queues nothing', async () => {
    const { db, api, service, turnFetching } = setup();
    turnFetching(false);
    await rememberPagePapers(db, [meta('2602.22290')], NOW);
    expect(await service.request(1, { ids: ids('2602.22290', '2602.10000') })).toEqual({
      cached: [expect.objectContaining({ id: '2602.22290' })],
      queued: [],
      missing: [],
      fetching: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.requests).toEqual([]);
  });

  it('tells waiting tabs when fetching is turned off, and fetches nothing more for them', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { api, service, sent } = setup(
      async (request) => {
        await gate;
        return answerAll(request, 0);
      },
      { queue: { batchSize: 1 } },
    );
    await service.request(4, { ids: ids('2602.10000', '2602.10001') });
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));
    service.fetchingTurnedOff();
    release();
    await vi.waitFor(() => expect(sent.some((message) => message.data.status.state === 'off')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.requests).toHaveLength(1);
  });
});

describe('status, failures and cancellation', () => {
  it('sends a status-only message while arXiv says 503 with Retry-After, then the papers', async () => {
    const { service, sent, papersSentTo } = setup((request, index) =>
      index === 0 ? new Response('busy', { status: 503, headers: { 'Retry-After': '30' } }) : answerAll(request, index),
    );
    await service.request(3, { ids: ids('2602.10000') });
    await vi.waitFor(() => expect(papersSentTo(3)).toEqual(['2602.10000']));
    const backingOff = sent.find((message) => message.data.status.state === 'backing-off');
    expect(backingOff?.data).toMatchObject({ papers: [], missing: [], failed: [], status: { outstanding: 1, lastError: 'arXiv is busy (HTTP 503)' } });
    expect(backingOff!.data.status.retryAt).toBeGreaterThanOrEqual(NOW + 30_000);
  });

  it('reports ids as failed when arXiv keeps answering an HTML page', async () => {
    const { service, sent } = setup(() => new Response(readApiFixture('derived-html-error.html'), { status: 200 }), { queue: { maxAttempts: 2 } });
    await service.request(3, { ids: ids('2602.10000') });
    await vi.waitFor(() => expect(sent.flatMap((message) => message.data.failed)).toEqual([{ id: '2602.10000', reason: expect.stringContaining('HTML page') }]));
  });

  it('fetches nothing for a tab that cancelled before its batch went out', async () => {
    const { api, service } = setup();
    await service.request(5, { ids: ids('2602.10000') });
    service.cancel(5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.requests).toEqual([]);
  });

  it('drops the requests of a tab that no longer listens', async () => {
    const { api, service } = setup(answerAll, {
      queue: { batchSize: 1 },
      sendToTab: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    });
    await service.request(6, { ids: ids('2602.10000', '2602.10001', '2602.10002') });
    await vi.waitFor(() => expect(api.requests.length).toBeGreaterThanOrEqual(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.requests).toHaveLength(1);
  });

  it('persists each request start, and a new service waits out the last one', async () => {
    const first = setup();
    await first.service.request(1, { ids: ids('2602.10000') });
    await vi.waitFor(() => expect(first.persisted).toHaveLength(1));
    expect(first.persisted).toEqual(first.times);

    const restarted = setup(answerAll, { lastRequest: { get: async () => NOW - 1_000, set: async () => undefined } });
    await restarted.service.request(1, { ids: ids('2602.10001') });
    await vi.waitFor(() => expect(restarted.times).toHaveLength(1));
    expect(restarted.times[0]).toBe(NOW - 1_000 + API_SPACING_MS);
  });
});

describe('the message handler with the service', () => {
  const handlerFor = (service: ReturnType<typeof setup>['service'], db: ReturnType<typeof setup>['db']) =>
    createApiHandler({ db, extensionId: EXTENSION_ID, pagesUrl: PAGES_URL, now: () => NOW, onChange: () => undefined, abstracts: service });

  it('remembers only papers with an abstract, and serves them to abstracts.request', async () => {
    const { db, service } = setup();
    const handle = handlerFor(service, db);
    const tab = { id: EXTENSION_ID, url: 'https://arxiv.org/list/cs.DC/new', tab: { id: 9 } };
    const papers = [meta('2602.22290'), meta('2602.22291', { abstract: undefined }), meta('2602.22292', { abstract: '' })];
    expect(await handle({ type: 'abstracts.remember', data: { papers } }, tab)).toEqual({ ok: true, result: { stored: 1 } });
    expect(await handle({ type: 'abstracts.request', data: { ids: ['2602.22290'] } }, tab)).toMatchObject({
      ok: true,
      result: { cached: [{ id: '2602.22290', abstract: 'We study things.' }], queued: [], fetching: true },
    });
  });

  it('fetches "my papers" no listing has shown, so the ranking learns from them, and asks once', async () => {
    const { db, api, service, sent } = setup(() => atomResponse(daiFeed));
    const handle = handlerFor(service, db);
    const options = { id: EXTENSION_ID, url: `${PAGES_URL}options.html` };
    await rememberPagePapers(db, [meta('2602.22392')], NOW);
    expect(await handle({ type: 'ranking.seeds', data: { ids: DAI } }, options)).toEqual({ ok: true, result: { ids: DAI, known: 1, fetching: 3 } });
    await vi.waitFor(async () => expect(await handle({ type: 'ranking.seeds', data: {} }, options)).toEqual({ ok: true, result: { ids: DAI, known: 4, fetching: 0 } }));
    expect(api.requests.map((request) => request.ids)).toEqual([DAI.filter((paper) => paper !== '2602.22392')]);
    expect(sent).toEqual([]);
    const positives = (await assembleTrainingData(db)).filter((item) => item.label === 'positive').map((item) => item.paper.title);
    expect(positives).toHaveLength(4);
    expect(positives).toContainEqual(expect.stringContaining('STELLAR'));
  });

  it('leaves "my papers" to the listings with fetching off', async () => {
    const { db, api, service, turnFetching } = setup();
    turnFetching(false);
    const options = { id: EXTENSION_ID, url: `${PAGES_URL}options.html` };
    expect(await handlerFor(service, db)({ type: 'ranking.seeds', data: { ids: DAI } }, options)).toEqual({ ok: true, result: { ids: DAI, known: 0, fetching: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.requests).toEqual([]);
  });

  it.each([
    ['abstracts.request', { ids: ['2602.22290'] }],
    ['abstracts.cancel', {}],
  ])('refuses %s from a sender without a tab, which could not receive the abstracts', async (type, data) => {
    const { db, service } = setup();
    expect(await handlerFor(service, db)({ type, data }, { id: EXTENSION_ID, url: `${PAGES_URL}popup.html` })).toEqual({
      ok: false,
      error: `${type}: only a page in a tab can receive fetched abstracts`,
    });
  });

  it.each([
    ['a versioned id', { ids: ['2602.22290v2'] }, 'abstracts.request: ids[0]: expected a versionless arXiv id, got "2602.22290v2"'],
    ['an unknown field', { ids: [], tab: 3 }, 'abstracts.request: tab: unknown field'],
    ['a bad version', { ids: [], versions: { '2602.22290': 0 } }, 'abstracts.request: versions["2602.22290"]: expected >=1, got 0'],
    ['a version for a versioned id', { ids: [], versions: { '2602.22290v1': 1 } }, 'abstracts.request: versions["2602.22290v1"]: expected a versionless arXiv id'],
  ])('rejects abstracts.request with %s', async (_label, data, error) => {
    const { db, service } = setup();
    const response = await handlerFor(service, db)({ type: 'abstracts.request', data }, { id: EXTENSION_ID, tab: { id: 1 } });
    expect(response).toEqual({ ok: false, error });
  });
});
