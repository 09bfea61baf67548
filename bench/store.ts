/**
 * Store measurements in the real browser, where users' annotations live: the background service
 * worker's Dexie database, reached the way content scripts and pages reach it, with
 * `runtime.sendMessage`, from an extension page. Baselines are raw IndexedDB on the same database
 * and the same keys, from the same page, in the same run.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { CHROME_BUILD, launchWithExtension } from '../scripts/launch.mjs';
import type { PaperMeta } from '@/lib/arxiv/types';
import { VIEWPORT } from './pages';

export interface StorePlan {
  /** Papers in the store when reads and writes are timed. */
  papers: number;
  /** Papers in the store when the reading list's first render is timed. */
  readingListPapers: number;
  /** Ids in one `annotations.get`. */
  getIds: number;
  getWarmups: number;
  getRuns: number;
  /** Single-paper `papers.star` messages in one write run. */
  writes: number;
  writeWarmups: number;
  writeRuns: number;
  readingListWarmups: number;
  readingListRuns: number;
  /** Papers per `papers.star` message while filling (the contract's maximum is 5000). */
  fillBatch: number;
}

export interface WriteRun {
  totalMs: number;
  perCallMs: number[];
}

export interface StoreSamples {
  get: number[];
  rawGet: number[];
  write: WriteRun[];
  rawWrite: WriteRun[];
  /** As many requests whose data fails validation, one after another: what a round trip to the background costs before any work. */
  refused: WriteRun[];
  /** Navigation start → first rows of the reading list painted; empty when there is no reading list. */
  readingList: number[];
  /** Raw IndexedDB `getAll()` of the papers store from an extension page: the read alone. */
  rawGetAll: number[];
  fillMs: number;
  /** Annotations `annotations.get` returned, as a check that the ids were really there. */
  found: number;
}

/** The helpers installed into the extension page; see `installHelpers`. */
interface StoreHelpers {
  fill(from: number, to: number, batch: number): Promise<void>;
  get(indices: number[]): Promise<{ ms: number; found: number }>;
  rawGet(indices: number[]): Promise<{ ms: number; found: number }>;
  rawGetAll(): Promise<{ ms: number; found: number }>;
  star(from: number, count: number): Promise<WriteRun>;
  rawPut(from: number, count: number): Promise<WriteRun>;
  refused(count: number): Promise<WriteRun>;
}

declare global {
  interface Window {
    /** Installed into the extension page by `installHelpers`. */
    siftStoreBench: StoreHelpers;
  }
}

/**
 * Runs in the extension page. Paper `i` is a seed paper's metadata under a unique id
 * (`2401.10000` on), so every record has a real listing's field sizes.
 */
function installHelpers(seeds: PaperMeta[]) {
  const idOf = (i: number) => `${2401 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}`;
  const metaOf = (i: number) => {
    const seed = seeds[i % seeds.length] as PaperMeta;
    const id = idOf(i);
    const meta: Record<string, unknown> = { ...seed, id, absUrl: `https://arxiv.org/abs/${id}`, pdfUrl: `https://arxiv.org/pdf/${id}` };
    if (seed.htmlUrl) meta.htmlUrl = `https://arxiv.org/html/${id}v1`;
    return meta;
  };
  const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
  const send = async (message: { type: string; data: unknown }) => {
    const answer = (await runtime.sendMessage(message)) as { ok?: boolean; error?: string; result?: unknown } | undefined;
    if (!answer?.ok) throw new Error(`${message.type}: ${answer?.error ?? 'no answer'}`);
    return answer.result;
  };
  let database: Promise<IDBDatabase> | undefined;
  // The database Dexie opened in the background (Dexie's name for it is the name we gave).
  const openRaw = () =>
    (database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sift');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }));
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });

  const helpers: StoreHelpers = {
    async fill(from, to, batch) {
      for (let i = from; i < to; i += batch) {
        const papers = [];
        for (let j = i; j < Math.min(to, i + batch); j += 1) papers.push(metaOf(j));
        await send({ type: 'papers.star', data: { papers, starred: true } });
      }
    },
    async get(indices) {
      const ids = indices.map(idOf);
      const start = performance.now();
      const result = (await send({ type: 'annotations.get', data: { ids } })) as Record<string, unknown>;
      return { ms: performance.now() - start, found: Object.keys(result).length };
    },
    async rawGet(indices) {
      const db = await openRaw();
      const ids = indices.map(idOf);
      let found = 0;
      const start = performance.now();
      const tx = db.transaction('papers', 'readonly');
      const store = tx.objectStore('papers');
      for (const id of ids) {
        const request = store.get(id);
        request.onsuccess = () => {
          if (request.result) found += 1;
        };
      }
      await done(tx);
      return { ms: performance.now() - start, found };
    },
    async rawGetAll() {
      const db = await openRaw();
      const start = performance.now();
      const tx = db.transaction('papers', 'readonly');
      const request = tx.objectStore('papers').getAll();
      await done(tx);
      return { ms: performance.now() - start, found: (request.result as unknown[]).length };
    },
    async star(from, count) {
      const perCallMs = [];
      const start = performance.now();
      for (let i = from; i < from + count; i += 1) {
        const t = performance.now();
        await send({ type: 'papers.star', data: { papers: [metaOf(i)], starred: true } });
        perCallMs.push(performance.now() - t);
      }
      return { totalMs: performance.now() - start, perCallMs };
    },
    async refused(count) {
      const perCallMs = [];
      const start = performance.now();
      for (let i = 0; i < count; i += 1) {
        const t = performance.now();
        const answer = (await runtime.sendMessage({ type: 'annotations.get', data: { ids: 'none' } })) as { ok?: boolean } | undefined;
        perCallMs.push(performance.now() - t);
        if (answer?.ok !== false) throw new Error('the background did not refuse a request whose data fails validation');
      }
      return { totalMs: performance.now() - start, perCallMs };
    },
    async rawPut(from, count) {
      const db = await openRaw();
      const perCallMs = [];
      const start = performance.now();
      for (let i = from; i < from + count; i += 1) {
        const t = performance.now();
        const now = Date.now();
        const tx = db.transaction('papers', 'readwrite');
        tx.objectStore('papers').put({ id: idOf(i), meta: metaOf(i), starredAt: now, tags: [], updatedAt: now });
        await done(tx);
        perCallMs.push(performance.now() - t);
      }
      return { totalMs: performance.now() - start, perCallMs };
    },
  };
  window.siftStoreBench = helpers;
}

/**
 * Records, in the reading list page, when its first rows are in the DOM and then painted
 * (navigation start is the page's time origin).
 */
function recordFirstRows() {
  if (location.pathname !== '/reading-list.html') return;
  const marker = window as unknown as { __siftBenchRowsPainted?: number };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('li.virtual-row')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (marker.__siftBenchRowsPainted = performance.now());
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true });
}

/** Whether the build has a page to talk to the background from, and which. */
export function extensionPageOf(build = CHROME_BUILD): string {
  const page = ['popup.html', 'options.html', 'reading-list.html'].find((name) => existsSync(join(build, name)));
  if (!page) throw new Error(`no extension page in ${build} to send messages from`);
  return page;
}

async function timeReadingList(context: BrowserContext, extensionId: string, papers: number): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/reading-list.html`);
    const handle = await page.waitForFunction(
      (count) => {
        const painted = (window as unknown as { __siftBenchRowsPainted?: number }).__siftBenchRowsPainted;
        const row = document.querySelector('li.virtual-row');
        return painted !== undefined && row?.getAttribute('aria-setsize') === String(count) ? painted : false;
      },
      papers,
      { timeout: 120_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

function lookUp(page: Page, call: 'get' | 'rawGet', indices: number[]): Promise<{ ms: number; found: number }> {
  return page.evaluate(({ name, list }) => window.siftStoreBench[name](list), { name: call, list: indices });
}

/**
 * In a fresh profile with the built extension: fills the store through `papers.star` to
 * `readingListPapers` and times the reading list's first render (if the build has one), fills on
 * to `papers`, then times `annotations.get` for `getIds` ids spread over the store, and
 * `writes` single-paper stars of new papers, each against its raw IndexedDB baseline.
 */
export async function measureStore(seeds: readonly PaperMeta[], plan: StorePlan, extensionPage: string): Promise<StoreSamples> {
  const { context, extensionId, userDataDir } = await launchWithExtension({ viewport: VIEWPORT });
  try {
    await context.addInitScript(recordFirstRows);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${extensionPage}`);
    await page.evaluate(installHelpers, [...seeds]);
    const fill = (from: number, to: number) =>
      page.evaluate(({ a, b, batch }) => window.siftStoreBench.fill(a, b, batch), { a: from, b: to, batch: plan.fillBatch });

    const samples: StoreSamples = { get: [], rawGet: [], write: [], rawWrite: [], refused: [], readingList: [], rawGetAll: [], fillMs: 0, found: 0 };
    const fillStart = performance.now();
    const hasReadingList = existsSync(join(CHROME_BUILD, 'reading-list.html'));
    if (hasReadingList) {
      await fill(0, plan.readingListPapers);
      for (let run = 0; run < plan.readingListWarmups + plan.readingListRuns; run += 1) {
        samples.readingList.push(await timeReadingList(context, extensionId, plan.readingListPapers));
        const all = await page.evaluate(() => window.siftStoreBench.rawGetAll());
        if (all.found !== plan.readingListPapers) throw new Error(`the store holds ${all.found} papers, expected ${plan.readingListPapers}`);
        samples.rawGetAll.push(all.ms);
      }
    }
    const fillPause = performance.now();
    await fill(hasReadingList ? plan.readingListPapers : 0, plan.papers);
    samples.fillMs = performance.now() - fillPause + (hasReadingList ? fillPause - fillStart : 0);

    // Every (papers / getIds)-th paper: a listing's worth of ids spread over the whole store.
    const step = Math.max(1, Math.floor(plan.papers / plan.getIds));
    const indices = Array.from({ length: plan.getIds }, (_, i) => (i * step) % plan.papers);
    for (let run = 0; run < plan.getWarmups + plan.getRuns; run += 1) {
      const got = await lookUp(page, 'get', indices);
      const raw = await lookUp(page, 'rawGet', indices);
      if (raw.found !== plan.getIds) throw new Error(`raw IndexedDB found ${raw.found} of ${plan.getIds} papers`);
      samples.get.push(got.ms);
      samples.rawGet.push(raw.ms);
      samples.found = got.found;
    }

    // New papers above the filled range, so each star creates a record, as on a first visit.
    let next = plan.papers;
    for (let run = 0; run < plan.writeWarmups + plan.writeRuns; run += 1) {
      const count = plan.writes;
      const write = await page.evaluate(({ from, n }) => window.siftStoreBench.star(from, n), { from: next, n: count });
      next += count;
      const raw = await page.evaluate(({ from, n }) => window.siftStoreBench.rawPut(from, n), { from: next, n: count });
      next += count;
      samples.write.push(write);
      samples.rawWrite.push(raw);
      samples.refused.push(await page.evaluate((n) => window.siftStoreBench.refused(n), count));
    }
    return samples;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
