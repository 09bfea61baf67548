/**
 * Listing measurements in Chromium: the page without the extension (its own load time, and the
 * parser and highlighters run through the injected probe), and the page with the built extension
 * (augmentation, a filter toggle, the heap it adds).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { routeArxiv } from '../scripts/arxiv-routes.mjs';
import { findChromium } from '../scripts/browsers.mjs';
import { launchWithExtension } from '../scripts/launch.mjs';
import type { PaperMeta } from '@/lib/arxiv/types';
import type { Rule } from '@/lib/rules/types';
import type { HighlightRun, MarkRun, ParseRun } from './probe-api';

/** A generated listing and where it is served. */
export interface Listing {
  entries: number;
  /** Path and query on arxiv.org, e.g. `/list/cs.DC/new?show=2000`. */
  path: string;
  html: string;
}

export const ARXIV = 'https://arxiv.org';
export const VIEWPORT = { width: 1280, height: 900 };
/** launch.mjs's flags, minus the two that load the extension: the pages differ only by Sift. */
export const PLAIN_ARGS = ['--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RunPlan {
  warmups: number;
  runs: number;
  /** Warm-ups plus runs of mark.js's per-term `mark()`, which takes seconds per run. */
  markTermsWarmups: number;
  markTermsRuns: number;
  /** Largest listing on which per-term `mark()` runs at all. */
  markTermsMaxEntries: number;
}

export interface HeapSample {
  usedBytes: number;
  nodes: number;
  listeners: number;
}

export interface PlainSamples {
  pageLoad: number[];
  parse: ParseRun[];
  highlight: HighlightRun[];
  markRegExp: MarkRun[];
  markTerms: MarkRun[];
  heap: HeapSample[];
}

export interface PlainResult {
  chromium: string;
  /** The seed listing's papers as plain metadata. */
  seedMetas: PaperMeta[];
  bySize: Map<number, PlainSamples>;
}

export interface Injected {
  probe: string;
  mark: string;
}

async function loadEventEnd(page: Page): Promise<number> {
  // `loadEventEnd` is written after the load handlers return, a moment after Playwright's `load`.
  const handle = await page.waitForFunction(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : false;
  });
  return (await handle.jsonValue()) as number;
}

/**
 * The renderer's V8 heap in use after a full GC, and Blink's DOM node and listener counts. The
 * page's main world and the extension's isolated world share one isolate, so the content script's
 * share is the difference between the same listing with and without the extension.
 */
async function heapOf(cdp: CDPSession): Promise<HeapSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { usedBytes: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

async function inject(page: Page, injected: Injected): Promise<void> {
  await page.addScriptTag({ content: injected.mark });
  await page.addScriptTag({ content: injected.probe });
  const ready = await page.evaluate(() => typeof window.siftBench === 'object' && typeof window.Mark === 'function');
  if (!ready) throw new Error('the bench probe or mark.js did not load into the page');
}

/**
 * Loads each listing in Chromium without the extension, `warmups + runs` times, and on each load
 * measures the page's own load (navigation start → `loadEventEnd`), the heap, `parseArxivPage`,
 * Sift's highlighting and mark.js's `markRegExp` (a fresh load for each, so no run sees another's
 * marks); per-term `mark()` gets its own loads. Everything is timed inside the page.
 */
export async function measurePlain(
  listings: readonly Listing[],
  seedPath: string,
  rules: readonly Rule[],
  terms: readonly string[],
  plan: RunPlan,
  injected: Injected,
): Promise<PlainResult> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sift-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: VIEWPORT,
    args: PLAIN_ARGS,
  });
  try {
    await routeArxiv(context, { extra: Object.fromEntries(listings.map((l) => [l.path, l.html])) });
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');

    await page.goto(ARXIV + seedPath);
    await inject(page, injected);
    const seedMetas = await page.evaluate(() => window.siftBench.metas());

    const bySize = new Map<number, PlainSamples>();
    for (const listing of listings) {
      const samples: PlainSamples = { pageLoad: [], parse: [], highlight: [], markRegExp: [], markTerms: [], heap: [] };
      for (let run = 0; run < plan.warmups + plan.runs; run += 1) {
        await page.goto(ARXIV + listing.path, { waitUntil: 'load' });
        samples.pageLoad.push(await loadEventEnd(page));
        samples.heap.push(await heapOf(cdp));
        await inject(page, injected);
        samples.parse.push(await page.evaluate(() => window.siftBench.parse()));
        samples.highlight.push(await page.evaluate((list) => window.siftBench.highlight(list), rules));
        await page.goto(ARXIV + listing.path, { waitUntil: 'load' });
        await inject(page, injected);
        samples.markRegExp.push(await page.evaluate((list) => window.siftBench.markRegExp(list), terms));
      }
      if (listing.entries <= plan.markTermsMaxEntries) {
        for (let run = 0; run < plan.markTermsWarmups + plan.markTermsRuns; run += 1) {
          await page.goto(ARXIV + listing.path, { waitUntil: 'load' });
          await inject(page, injected);
          samples.markTerms.push(await page.evaluate((list) => window.siftBench.markTerms(list), terms));
        }
      }
      bySize.set(listing.entries, samples);
    }
    return { chromium: product, seedMetas, bySize };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export interface ToggleSample {
  /** From the click until the frame showing its effect has been painted. */
  ms: number;
  /** The click's own synchronous work. */
  scriptMs: number;
}

export interface ExtensionSamples {
  augment: AugmentSample[];
  /** The page's load (`loadEventEnd`) with the extension installed, for reference. */
  pageLoad: number[];
  toggle: ToggleSample[];
  /** The same entries hidden by an inline style on each node: the per-entry way. */
  toggleBaseline: ToggleSample[];
  /** The same measurement around a click that does nothing: the method's own floor. */
  toggleFloor: ToggleSample[];
  heap: HeapSample[];
}

export interface AugmentSample {
  /** `DOMContentLoaded` → `sift:controls`: every feature has put its controls on every entry. */
  ms: number;
  /** `DOMContentLoaded` → `sift:parsed`: the content script has started and parsed the page. */
  firstEntryMs: number;
  /** `DOMContentLoaded` → `sift:ready` (`data-sift-ready`): the stored annotations are shown too. */
  annotatedMs: number;
}

/**
 * Reads the content script's stage marks from the page's performance timeline; the run counts
 * only with one Sift controls span per listing entry.
 */
async function augmentOf(page: Page, entries: number): Promise<AugmentSample> {
  await page.locator('html[data-sift-ready]').waitFor({ state: 'attached', timeout: 120_000 });
  const { marks, dcl, controls } = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return {
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])),
      dcl: navigation?.domContentLoadedEventStart,
      controls: document.querySelectorAll('.sift-controls').length,
    };
  });
  const parsed = marks['sift:parsed'];
  const ready = marks['sift:ready'];
  const controlled = marks['sift:controls'];
  if (parsed === undefined || ready === undefined || controlled === undefined || dcl === undefined) {
    throw new Error('the page did not record DOMContentLoaded or the sift:parsed, sift:controls and sift:ready marks');
  }
  if (controls !== entries) throw new Error(`expected controls on ${entries} entries, found ${controls}`);
  return { ms: controlled - dcl, firstEntryMs: parsed - dcl, annotatedMs: ready - dcl };
}

/**
 * Clicks the toolbar's "Hide cross-lists" toggle `toggles` times (on, off, on…) and times each
 * click until the frame that shows it is painted. The click happens inside a rAF callback, so the
 * frame it lands in is the very next one and the figure is the work (click, style, layout, paint),
 * not the wait for vsync. Then the same with the per-entry baseline.
 */
async function toggleOf(page: Page, toggles: number): Promise<{ toggle: ToggleSample[]; baseline: ToggleSample[]; floor: ToggleSample[] }> {
  return page.evaluate(async (count) => {
    const label = 'Hide cross-lists';
    const attribute = 'data-sift-hide-cross';
    const root = document.documentElement;
    const button = [...(document.querySelector('sift-overlay')?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
      (b.textContent ?? '').trim().startsWith(label),
    );
    if (!button) throw new Error(`no "${label}" button in the toolbar`);
    const cross = [...document.querySelectorAll<HTMLElement>('[data-sift-section="cross"]')];
    if (cross.length === 0) throw new Error('the listing has no cross-list entries to hide');

    const inFrame = (act: () => void) =>
      new Promise<{ ms: number; scriptMs: number }>((resolve) => {
        requestAnimationFrame(() => {
          const start = performance.now();
          act();
          const scriptMs = performance.now() - start;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ ms: performance.now() - start, scriptMs });
          channel.port2.postMessage(null);
        });
      });

    const toggle = [];
    for (let i = 0; i < count; i += 1) {
      const before = root.hasAttribute(attribute);
      toggle.push(await inFrame(() => button.click()));
      if (root.hasAttribute(attribute) === before) throw new Error(`the toggle did not flip ${attribute}`);
      const shown = getComputedStyle(cross[0] as HTMLElement).display !== 'none';
      if (shown === !before) throw new Error('the toggle flipped the attribute but did not hide the cross-lists');
    }
    if (root.hasAttribute(attribute)) button.click();

    const baseline = [];
    let hidden = false;
    for (let i = 0; i < count; i += 1) {
      hidden = !hidden;
      const display = hidden ? 'none' : '';
      baseline.push(await inFrame(() => cross.forEach((node) => (node.style.display = display))));
    }
    cross.forEach((node) => (node.style.display = ''));

    const floor = [];
    for (let i = 0; i < count; i += 1) floor.push(await inFrame(() => undefined));
    return { toggle, baseline, floor };
  }, toggles);
}

/** Installs the rules through the background, as the rules panel does. */
export async function installRules(context: BrowserContext, extensionId: string, page: string, rules: readonly Rule[]): Promise<void> {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${extensionId}/${page}`);
  await tab.evaluate(async (list) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    for (const rule of list) {
      const answer = (await runtime.sendMessage({ type: 'rules.upsert', data: { rule } })) as { ok?: boolean; error?: string };
      if (!answer?.ok) throw new Error(`rules.upsert: ${answer?.error ?? 'no answer'}`);
    }
  }, rules);
  await tab.close();
}

/**
 * Loads each listing with the built extension, `warmups + runs` times: from `DOMContentLoaded`
 * to `data-sift-ready` with controls on every entry, then filter toggles and the heap on the
 * augmented page. The 50 highlight rules are installed first, so augmenting includes painting them.
 */
export async function measureExtension(
  listings: readonly Listing[],
  rules: readonly Rule[],
  plan: RunPlan,
  extensionPage: string,
): Promise<Map<number, ExtensionSamples>> {
  const { context, extensionId, userDataDir } = await launchWithExtension({ viewport: VIEWPORT });
  try {
    await routeArxiv(context, { extra: Object.fromEntries(listings.map((l) => [l.path, l.html])) });
    await installRules(context, extensionId, extensionPage, rules);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const bySize = new Map<number, ExtensionSamples>();
    for (const listing of listings) {
      const samples: ExtensionSamples = { augment: [], pageLoad: [], toggle: [], toggleBaseline: [], toggleFloor: [], heap: [] };
      for (let run = 0; run < plan.warmups + plan.runs; run += 1) {
        await page.goto(ARXIV + listing.path, { waitUntil: 'domcontentloaded' });
        samples.augment.push(await augmentOf(page, listing.entries));
        samples.pageLoad.push(await loadEventEnd(page));
        samples.heap.push(await heapOf(cdp));
        // Two toggles (on, off) per load; the first load's are the warm-up.
        const { toggle, baseline, floor } = await toggleOf(page, 2);
        samples.toggle.push(...toggle);
        samples.toggleBaseline.push(...baseline);
        samples.toggleFloor.push(...floor);
      }
      bySize.set(listing.entries, samples);
    }
    return bySize;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
