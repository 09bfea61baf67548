/**
 * The background's abstract queue in the built extension, driven from extension pages shown in
 * tabs (they have a `sender.tab`, as a content script does, and receive `tabs.sendMessage`), with
 * arXiv's API answered from tests/fixtures/api by the fixture's route, which records each request.
 * The listing side (disclosures, progress line, rules) is tested on the arXiv pages themselves.
 */
import type { Page } from '@playwright/test';
import { test, expect, type ApiRequestRecord } from './fixtures';

/** Papers of the /new seed, remembered as a /new page would hand them over. */
const SEED_IDS = ['2602.22290', '2602.22195', '2602.22812'] as const;
const DAI = ['2602.23220', '2602.22423', '2602.22409', '2602.22392'];
/** Ids of the derived API feed for the /new seed that are not on the author page. */
const OTHERS = ['2602.22195', '2602.22290', '2602.22227', '2602.22302'];

/**
 * The route sees a request some ms after the worker starts it (more for the first request of a
 * fresh worker), so gaps seen there may fall a little short of the 3 s the queue keeps between
 * starts; the starts themselves are read from where the worker records them.
 */
const ROUTE_JITTER_MS = 100;

/** The extension APIs an extension page sees, as far as these tests use them. */
interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown>; onMessage: { addListener(listener: (message: unknown) => void): void } };
    storage: { sync: { get(key: string): Promise<Record<string, unknown>> }; session: { get(key: string): Promise<Record<string, unknown>> } };
  };
}

interface Delivery {
  type: 'sift.abstracts';
  data: { papers: { id: string; abstract: string }[]; missing: string[]; failed: unknown[]; status: { outstanding: number; state: string } };
}

/** An extension page in a tab that collects every `sift.abstracts` message sent to it. */
async function requesterPage(openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  const page = await openExtensionPage('options.html');
  await page.evaluate(() => {
    const got: unknown[] = [];
    (window as unknown as { siftGot: unknown[] }).siftGot = got;
    (globalThis as unknown as ExtensionGlobal).chrome.runtime.onMessage.addListener((message) => {
      if ((message as { type?: string } | undefined)?.type === 'sift.abstracts') got.push(message);
    });
  });
  return page;
}

function call(page: Page, type: string, data: unknown) {
  return page.evaluate(
    async ([type, data]) => {
      const response = (await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type, data })) as { ok: boolean; result?: unknown; error?: string };
      if (!response.ok) throw new Error(response.error);
      return response.result as { cached: { id: string }[]; queued: string[]; missing: string[]; fetching: boolean };
    },
    [type, data] as const,
  );
}

const delivered = (page: Page) =>
  page.evaluate(() => ((window as unknown as { siftGot: Delivery[] }).siftGot ?? []).flatMap((message) => message.data.papers.map((paper) => paper.id)));

/** The start of the worker's last API request, as it keeps it in storage.session for its successor. */
const lastStart = (page: Page) =>
  page.evaluate(async () => (await (globalThis as unknown as ExtensionGlobal).chrome.storage.session.get('abstractsLastRequestAt')).abstractsLastRequestAt as number | undefined);

const gaps = (requests: readonly ApiRequestRecord[]) => requests.slice(1).map((request, i) => request.at - requests[i]!.at);

function paperWithAbstract(id: string) {
  return {
    id,
    title: `Remembered ${id}`,
    authors: ['A. Author'],
    abstract: `The abstract of ${id}, read on /new.`,
    subjects: [{ name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' }],
    section: 'new',
    absUrl: `https://arxiv.org/abs/${id}`,
  };
}

test('two tabs asking for overlapping ids cause one API request for each id, 3 s apart, and each tab gets its abstracts', async ({ openExtensionPage, arxivApi }) => {
  const first = await requesterPage(openExtensionPage);
  const second = await requesterPage(openExtensionPage);
  // arXiv takes 1.5 s over the first answer, so the second tab asks while that request is in flight.
  arxivApi.answerWith(async (request) => {
    if (arxivApi.requests.indexOf(request) === 0) await new Promise((resolve) => setTimeout(resolve, 1_500));
    return undefined;
  });

  const a = await call(first, 'abstracts.request', { ids: DAI.slice(0, 3) });
  expect(a).toMatchObject({ cached: [], queued: DAI.slice(0, 3), missing: [], fetching: true });
  await expect.poll(() => arxivApi.requests.length).toBe(1);
  // While the first request is answered, the second tab wants two of the same papers and one more.
  const b = await call(second, 'abstracts.request', { ids: DAI.slice(1) });
  expect(b).toMatchObject({ cached: [], queued: DAI.slice(1), fetching: true });

  await expect.poll(() => delivered(second).then((ids) => ids.sort())).toEqual(DAI.slice(1).sort());
  await expect.poll(() => delivered(first).then((ids) => ids.sort())).toEqual(DAI.slice(0, 3).sort());

  // The shared ids joined the request in flight; only the new one needed a request of its own.
  expect(arxivApi.requests.map((request) => request.ids)).toEqual([DAI.slice(0, 3), DAI.slice(3)]);
  for (const gap of gaps(arxivApi.requests)) expect(gap).toBeGreaterThanOrEqual(3_000 - ROUTE_JITTER_MS);
  console.log(`API requests: ${arxivApi.requests.length}, ids ${arxivApi.requests.map((r) => r.ids.length).join('+')}, gaps ${gaps(arxivApi.requests).join(', ')} ms`);
});

test('keeps 3 s between API requests however fast the pages ask', async ({ openExtensionPage, arxivApi }) => {
  const tab = await requesterPage(openExtensionPage);
  const starts: number[] = [];
  for (const id of [...DAI, ...OTHERS]) {
    await call(tab, 'abstracts.request', { ids: [id] });
    await expect.poll(() => arxivApi.requests.some((request) => request.ids.includes(id)), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => lastStart(tab)).not.toBe(starts.at(-1));
    starts.push((await lastStart(tab))!);
  }
  expect(arxivApi.requests.flatMap((request) => request.ids)).toEqual([...DAI, ...OTHERS]);
  const started = starts.slice(1).map((at, i) => at - starts[i]!);
  for (const gap of started) expect(gap).toBeGreaterThanOrEqual(3_000);
  const seen = gaps(arxivApi.requests);
  for (const gap of seen) expect(gap).toBeGreaterThanOrEqual(3_000 - ROUTE_JITTER_MS);
  console.log(`${starts.length} requests; gaps between starts ${started.join(', ')} ms (min ${Math.min(...started)}); as the route saw them ${seen.join(', ')} ms`);
});

test('papers remembered from /new are answered from the cache and never fetched', async ({ openExtensionPage, arxivApi }) => {
  test.setTimeout(90_000);
  const tab = await requesterPage(openExtensionPage);
  const remembered = [...SEED_IDS];
  expect(await call(tab, 'abstracts.remember', { papers: [...remembered.map(paperWithAbstract), { ...paperWithAbstract('2602.22227'), abstract: undefined }] })).toEqual({ stored: 3 });

  const result = await call(tab, 'abstracts.request', { ids: [...remembered, ...DAI] });
  expect(result.cached.map((paper) => paper.id).sort()).toEqual([...remembered].sort());
  expect(result.queued).toEqual(DAI);
  await expect.poll(() => delivered(tab).then((ids) => ids.sort())).toEqual([...DAI].sort());
  expect(arxivApi.requests.flatMap((request) => request.ids)).toEqual(DAI);

  // Fetched ones are cached too: a second page asks arXiv for nothing.
  const other = await requesterPage(openExtensionPage);
  const again = await call(other, 'abstracts.request', { ids: [...remembered, ...DAI] });
  expect(again.queued).toEqual([]);
  expect(again.cached).toHaveLength(remembered.length + DAI.length);
  expect(arxivApi.requests).toHaveLength(1);
});

test('a restarted service worker still waits 3 s after the last request', async ({ openExtensionPage, arxivApi, stopServiceWorker }) => {
  const tab = await requesterPage(openExtensionPage);
  await call(tab, 'abstracts.request', { ids: DAI.slice(0, 1) });
  await expect.poll(() => delivered(tab)).toEqual(DAI.slice(0, 1));
  const first = await lastStart(tab);
  expect(first).toBeGreaterThan(0);
  await stopServiceWorker();
  await call(tab, 'abstracts.request', { ids: DAI.slice(1, 2) });
  await expect.poll(() => arxivApi.requests.length).toBe(2);
  await expect.poll(() => lastStart(tab)).not.toBe(first);
  const started = (await lastStart(tab))! - first!;
  expect(started).toBeGreaterThanOrEqual(3_000);
  const [seen] = gaps(arxivApi.requests);
  expect(seen).toBeGreaterThanOrEqual(3_000 - ROUTE_JITTER_MS);
  console.log(`across a service-worker restart: ${started} ms between starts, ${seen} ms as the route saw them`);
});

test('with fetching turned off on the options page, only cached abstracts come back and arXiv is not asked', async ({ openExtensionPage, arxivApi }) => {
  const options = await requesterPage(openExtensionPage);
  const box = options.getByRole('checkbox', { name: 'Fetch missing abstracts from arXiv' });
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect.poll(() => options.evaluate(async () => (await (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.get('fetchAbstracts')).fetchAbstracts)).toBe(false);

  await call(options, 'abstracts.remember', { papers: [paperWithAbstract('2602.22290')] });
  const result = await call(options, 'abstracts.request', { ids: ['2602.22290', ...DAI] });
  expect(result).toEqual({ cached: [expect.objectContaining({ id: '2602.22290' })], queued: [], missing: [], fetching: false });
  await options.waitForTimeout(500);
  expect(arxivApi.requests).toEqual([]);

  await options.reload();
  await expect(options.getByRole('checkbox', { name: 'Fetch missing abstracts from arXiv' })).not.toBeChecked();
});

test('arXiv answering 503 reaches the page as a quiet status, then the abstracts arrive', async ({ openExtensionPage, arxivApi }) => {
  test.setTimeout(90_000);
  let answered = 0;
  arxivApi.answerWith(() => (answered++ === 0 ? { status: 503, contentType: 'text/plain', body: 'busy', headers: { 'Retry-After': '6' } } : undefined));
  const tab = await requesterPage(openExtensionPage);
  await call(tab, 'abstracts.request', { ids: DAI });
  await expect
    .poll(() => tab.evaluate(() => (window as unknown as { siftGot: Delivery[] }).siftGot.map((m) => m.data.status.state)), { timeout: 20_000 })
    .toContain('backing-off');
  await expect.poll(() => delivered(tab).then((ids) => ids.sort()), { timeout: 30_000 }).toEqual([...DAI].sort());
  const [gap] = gaps(arxivApi.requests);
  expect(gap).toBeGreaterThanOrEqual(6_000 - ROUTE_JITTER_MS);
});
