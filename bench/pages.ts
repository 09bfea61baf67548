/**
 * Listing measurements in Chromium, every listing styled by arXiv's own arXiv.css (checked on each
 * load): the page without the extension (its own load time, layout shifts and scrolling, and the
 * parser and highlighters run through the injected probe), and the page with the built extension
 * (augmentation, every filter toggle, the text filter, `j`, a star, layout shifts, scrolling with
 * marking what is read seen, the heap it adds), driven by real input since Sift ignores synthetic events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Locator, type Page } from '@playwright/test';
import { routeArxiv } from '../scripts/arxiv-routes.mjs';
import { findChromium } from '../scripts/browsers.mjs';
import { launchWithExtension } from '../scripts/launch.mjs';
import type { PaperMeta } from '@/lib/arxiv/types';
import { FILTERS } from '@/lib/overlay/filters';
import type { Rule } from '@/lib/rules/types';
import type { HighlightRun, InputTiming, LayoutShift, MarkRun, NodeEffect, ParseRun, ScrollRun } from './probe-api';

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
  /** `j` presses per load. */
  keyJ: number;
  /** Loads scrolled by script, with and without the extension (no warm-up: each is a fresh page). */
  scrollRuns: number;
  /** Pixels per animation frame, and frames, of the scripted scroll. */
  scrollPx: number;
  scrollFrames: number;
}

/** The arXiv ids of a listing, in page order, from its `<a title="Abstract" id="…">` links. */
export function listingIds(listing: Listing): string[] {
  return [...listing.html.matchAll(/title="Abstract" id="([^"]+)"/g)].flatMap((match) => (match[1] ? [match[1]] : []));
}

export interface HeapSample {
  usedBytes: number;
  nodes: number;
  listeners: number;
}

export interface PlainSamples {
  pageLoad: number[];
  /** `DOMContentLoaded` → the page's first frame painted after it: the soonest anything done after DOMContentLoaded shows. */
  firstFrame: number[];
  parse: ParseRun[];
  highlight: HighlightRun[];
  markRegExp: MarkRun[];
  markTerms: MarkRun[];
  heap: HeapSample[];
  cls: LayoutShift[];
  scroll: ScrollRun[];
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

const FIRST_FRAME_MARK = 'bench:first-frame-after-dcl';

/** An init script: marks the first frame painted after `DOMContentLoaded` (a task posted from its requestAnimationFrame runs once it is painted). */
function markFirstFrameAfterDcl(name: string): void {
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => setTimeout(() => performance.mark(name))), { once: true });
}

async function firstFrameAfterDcl(page: Page): Promise<number> {
  const handle = await page.waitForFunction((name) => {
    const [mark] = performance.getEntriesByName(name, 'mark');
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return mark && navigation ? mark.startTime - navigation.domContentLoadedEventStart : false;
  }, FIRST_FRAME_MARK);
  return (await handle.jsonValue()) as number;
}

async function inject(page: Page, injected: Injected): Promise<void> {
  await page.addScriptTag({ content: injected.mark });
  await injectProbe(page, injected.probe);
  if (!(await page.evaluate(() => typeof window.Mark === 'function'))) throw new Error('mark.js did not load into the page');
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
    await context.addInitScript(markFirstFrameAfterDcl, FIRST_FRAME_MARK);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');

    await page.goto(ARXIV + seedPath);
    await inject(page, injected);
    const seedMetas = await page.evaluate(() => window.siftBench.metas());

    const bySize = new Map<number, PlainSamples>();
    for (const listing of listings) {
      const samples: PlainSamples = { pageLoad: [], firstFrame: [], parse: [], highlight: [], markRegExp: [], markTerms: [], heap: [], cls: [], scroll: [] };
      for (let run = 0; run < plan.warmups + plan.runs; run += 1) {
        await page.goto(ARXIV + listing.path, { waitUntil: 'load' });
        samples.pageLoad.push(await loadEventEnd(page));
        samples.firstFrame.push(await firstFrameAfterDcl(page));
        samples.heap.push(await heapOf(cdp));
        await inject(page, injected);
        await page.waitForTimeout(SETTLE_MS);
        samples.cls.push(await page.evaluate(() => window.siftBench.layoutShift()));
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
      for (let run = 0; run < plan.scrollRuns; run += 1) {
        await page.goto(ARXIV + listing.path, { waitUntil: 'load' });
        await injectProbe(page, injected.probe);
        await typeset(page);
        samples.scroll.push(await page.evaluate(([px, frames]) => window.siftBench.scroll(px, frames), [plan.scrollPx, plan.scrollFrames] as const));
      }
      bySize.set(listing.entries, samples);
    }
    return { chromium: product, seedMetas, bySize };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** One filter toggle's trusted clicks: turning it on, and off again. */
export interface ToggleRuns {
  label: string;
  on: InputTiming[];
  off: InputTiming[];
  /**
   * Trusted clicks on the toolbar's inert count whose own listener hides (then shows) by
   * `style.display` the nodes this filter took off the page, on a fresh load of its own.
   */
  nodesHide: InputTiming[];
  nodesShow: InputTiming[];
  /** How many nodes that was, on the last load… */
  nodes: number;
  /** …and where they stand among the page's `dt`, `dd` and `li`, to find them on the baseline's load. */
  positions: number[];
}

export interface ExtensionSamples {
  augment: AugmentSample[];
  /** The page's load (`loadEventEnd`) with the extension installed, for reference. */
  pageLoad: number[];
  heap: HeapSample[];
  cls: LayoutShift[];
  /** Every filter toggle the toolbar offers, by filter id. */
  toggles: Map<string, ToggleRuns>;
  /** Trusted clicks on the same inert count that do nothing: the method's floor. */
  floor: InputTiming[];
  /** One keystroke of the text filter each (its query typed character by character), and clearing it with Escape. */
  textKey: InputTiming[];
  textClear: InputTiming[];
  /** `j` presses, each to its next painted frame… */
  keyJ: InputTiming[];
  /** …and as many presses of `q` (no shortcut) whose own listener makes the scroll `j` makes, and nothing else. */
  keyJBaseline: InputTiming[];
  /** Star clicks (on, then off) to the button's next painted frame… */
  starClick: InputTiming[];
  /** …and from the click's event to the background's `sift.changed` broadcast of that star reaching an extension page. */
  starRoundtrip: number[];
  scroll: ScrollRun[];
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

/** The text typed into the filter box, one timed keystroke per character: it matches some seed papers, its prefixes many. */
export const TEXT_QUERY = 'consensus';
/** Time after the page is ready before layout shifts are read: the fonts and Sift's late paints land first. */
const SETTLE_MS = 300;

/** Longest wait for MathJax to finish typesetting a listing before the input and scroll figures. */
const TYPESET_TIMEOUT_MS = 60_000;

/**
 * Waits until MathJax has typeset the listing, with and without the extension alike: a reader
 * filters and scrolls a page whose formulas are drawn, and MathJax's own timer-driven chunks on a
 * 2000-entry listing, still running seconds after load, would otherwise share the frames the
 * toggle, key and scroll figures time (MathJax with and without Sift is its own figure).
 */
async function typeset(page: Page): Promise<void> {
  await page.evaluate((timeout) => window.siftBench.typeset(timeout), TYPESET_TIMEOUT_MS);
}

async function injectProbe(page: Page, probe: string): Promise<void> {
  await page.addScriptTag({ content: probe });
  if (!(await page.evaluate(() => typeof window.siftBench === 'object'))) throw new Error('the bench probe did not load into the page');
  if (!(await page.evaluate(() => window.siftBench.stylesheetApplied()))) throw new Error("arXiv's arXiv.css is not applied to the listing");
}

/** Arms the in-page timer, acts with real input from Playwright, and returns the timing once painted. */
async function timed(page: Page, start: string, end: string, act: () => Promise<void>, effect?: NodeEffect): Promise<InputTiming> {
  await page.evaluate(([s, e, f]) => window.siftBench.armInput(s as string, e as string, f as NodeEffect | undefined), [start, end, effect] as const);
  await act();
  return page.evaluate(() => window.siftBench.settled());
}

async function pressedOf(button: Locator): Promise<boolean> {
  return (await button.getAttribute('aria-pressed')) === 'true';
}

/**
 * Every filter toggle the toolbar shows, clicked on and off with real clicks, each timed from the
 * click to the next painted frame, remembering which nodes each took off the page; last the
 * floor, a click on the count that does nothing.
 */
async function togglesOf(page: Page, samples: ExtensionSamples): Promise<void> {
  const inert = page.locator('sift-overlay .count');
  const record = (filter: 'off' | 'on') => page.evaluate((f) => window.siftBench.recordFiltered(f), filter);
  // The page with no filter on, to compare the first filter with; each filter turned off again
  // records it anew, once its entries are all back, for the next.
  await record('off');
  for (const filter of FILTERS) {
    const button = page.locator('sift-overlay button.toggle', { hasText: filter.label });
    if ((await button.count()) !== 1) continue;
    if (await pressedOf(button)) throw new Error(`the "${filter.label}" toggle is on before the bench turned it on`);
    const runs = samples.toggles.get(filter.id) ?? { label: filter.label, on: [], off: [], nodesHide: [], nodesShow: [], nodes: 0, positions: [] };
    samples.toggles.set(filter.id, runs);
    runs.on.push(await timed(page, 'click', 'click', () => button.click()));
    if (!(await pressedOf(button))) throw new Error(`the "${filter.label}" toggle did not turn on`);
    runs.nodes = await record('on');
    runs.positions = await page.evaluate(() => window.siftBench.filteredPositions());
    runs.off.push(await timed(page, 'click', 'click', () => button.click()));
    if (await pressedOf(button)) throw new Error(`the "${filter.label}" toggle did not turn off`);
    await record('off');
  }
  if (!samples.toggles.has('hideCross')) throw new Error('no "Hide cross-lists" toggle in the toolbar');
  samples.floor.push(await timed(page, 'click', 'click', () => inert.click()));
}

/** How long the baseline leaves its nodes hidden, and shown, before the next click: as long as the bench's wait for Sift's idle slices, at least. */
const BASELINE_PAUSE_MS = 300;

/**
 * Each toggle's baseline, on a fresh load of the same listing (ready, typeset, no filter ever
 * turned on), in the order the toggles ran: the nodes each filter took off hidden, then shown,
 * by `style.display` from a trusted click on the inert count. The first time a page hides an
 * entry the browser tears down the layout of everything inside it, which later hides no longer
 * pay, so a baseline timed after the toggles on the same page would be that much cheaper.
 */
async function toggleBaselinesOf(page: Page, samples: ExtensionSamples): Promise<void> {
  const inert = page.locator('sift-overlay .count');
  // As before the first toggle: Sift's idle work after the page is ready is done.
  await page.evaluate(() => window.siftBench.recordFiltered('off'));
  for (const runs of samples.toggles.values()) {
    await page.evaluate((positions) => window.siftBench.useFiltered(positions), runs.positions);
    runs.nodesHide.push(await timed(page, 'click', 'click', () => inert.click(), 'hideFiltered'));
    await page.waitForTimeout(BASELINE_PAUSE_MS);
    runs.nodesShow.push(await timed(page, 'click', 'click', () => inert.click(), 'showFiltered'));
    await page.waitForTimeout(BASELINE_PAUSE_MS);
  }
}

async function textFilterOf(page: Page, samples: ExtensionSamples): Promise<void> {
  const input = page.locator('sift-overlay input.filter');
  await input.click();
  for (const key of TEXT_QUERY) samples.textKey.push(await timed(page, 'keydown', 'input', () => page.keyboard.press(key)));
  if ((await input.inputValue()) !== TEXT_QUERY) throw new Error(`the filter box holds "${await input.inputValue()}", not "${TEXT_QUERY}"`);
  samples.textClear.push(await timed(page, 'keydown', 'keydown', () => page.keyboard.press('Escape')));
  if ((await input.inputValue()) !== '') throw new Error('Escape did not clear the filter box');
}

/** `j` pressed `presses` times, then its baseline as often, going on down the listing from where `j` stopped. */
async function keyJOf(page: Page, presses: number, samples: ExtensionSamples): Promise<void> {
  for (let i = 0; i < presses; i += 1) samples.keyJ.push(await timed(page, 'keydown', 'keydown', () => page.keyboard.press('j')));
  const focused = await page.locator('[data-sift-focus]').first().getAttribute('data-sift-entry');
  if (!focused) throw new Error('j moved no focus ring');
  const scrollY = await page.evaluate(() => window.scrollY);
  for (let i = 0; i < presses; i += 1) samples.keyJBaseline.push(await timed(page, 'keydown', 'keydown', () => page.keyboard.press('q'), 'scrollNext'));
  if ((await page.evaluate(() => window.scrollY)) <= scrollY) throw new Error("j's baseline did not scroll the listing");
}

/** An extension page that records when each `sift.changed` broadcast reaches it, and resets seen marks. */
async function openListener(context: BrowserContext, extensionId: string, extensionPage: string): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${extensionId}/${extensionPage}`);
  await tab.evaluate(() => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } } } }).chrome.runtime;
    const heard: { atEpochMs: number; message: unknown }[] = [];
    (window as unknown as { __siftHeard: typeof heard }).__siftHeard = heard;
    runtime.onMessage.addListener((message) => void heard.push({ atEpochMs: performance.timeOrigin + performance.now(), message }));
  });
  return tab;
}

/** Forgets the seen marks of `ids`, so every load starts with the listing unseen and every title a candidate for seen. */
async function unmarkSeen(listener: Page, ids: readonly string[]): Promise<void> {
  await listener.evaluate(async (list) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    for (let from = 0; from < list.length; from += 1000) {
      const answer = (await runtime.sendMessage({ type: 'seen.unmark', data: { ids: list.slice(from, from + 1000) } })) as { ok?: boolean; error?: string };
      if (!answer?.ok) throw new Error(`seen.unmark: ${answer?.error ?? 'no answer'}`);
    }
  }, ids);
}

/** Stars the first entry and unstars it, with real clicks: to the button's next frame, and to the broadcast of the stored star. */
async function starOf(page: Page, listener: Page, samples: ExtensionSamples): Promise<void> {
  const button = page.locator('button.sift-star').first();
  const id = await button.evaluate((node) => node.closest('[data-sift-entry]')?.getAttribute('data-sift-entry') ?? '');
  for (const want of [true, false]) {
    const click = await timed(page, 'click', 'click', () => button.click());
    if ((await pressedOf(button)) !== want) throw new Error(`the star did not turn ${want ? 'on' : 'off'}`);
    const heard = await listener.waitForFunction(
      ([paper, starred, after]) => {
        const list = (window as unknown as { __siftHeard: { atEpochMs: number; message: { type?: string; data?: { annotations?: { id: string; starred: boolean }[] } } }[] }).__siftHeard;
        const found = list.find(
          (h) => h.atEpochMs >= (after as number) && h.message.type === 'sift.changed' && h.message.data?.annotations?.some((a) => a.id === paper && a.starred === starred),
        );
        return found ? found.atEpochMs : false;
      },
      [id, want, click.atEpochMs] as const,
      { timeout: 10_000 },
    );
    samples.starClick.push(click);
    samples.starRoundtrip.push(((await heard.jsonValue()) as number) - click.atEpochMs);
  }
}

/** A fresh load of the listing at `path`, every entry unseen, with Sift ready, the probe in and MathJax done. */
async function loadTypeset(page: Page, listener: Page, ids: readonly string[], path: string, probe: string): Promise<void> {
  await unmarkSeen(listener, ids);
  await page.bringToFront();
  await page.goto(ARXIV + path, { waitUntil: 'load' });
  await page.locator('html[data-sift-ready]').waitFor({ state: 'attached', timeout: 120_000 });
  await injectProbe(page, probe);
  await typeset(page);
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
 * Loads each listing with the built extension, `warmups + runs` times, each load starting with
 * the listing unseen: from `DOMContentLoaded` to `data-sift-ready` with controls on every entry,
 * the heap and layout shifts, then with real input every filter toggle on and off, the text
 * filter typed and cleared, `j` pressed `plan.keyJ` times and one star on and off; then a fresh
 * load for the toggles' baselines. Then
 * `plan.scrollRuns` fresh loads scrolled by script while Sift marks what is read seen. The 50
 * highlight rules are installed first, so augmenting includes painting them.
 */
export async function measureExtension(
  listings: readonly Listing[],
  rules: readonly Rule[],
  plan: RunPlan,
  extensionPage: string,
  probe: string,
): Promise<Map<number, ExtensionSamples>> {
  const { context, extensionId, userDataDir } = await launchWithExtension({ viewport: VIEWPORT });
  try {
    await routeArxiv(context, { extra: Object.fromEntries(listings.map((l) => [l.path, l.html])) });
    await installRules(context, extensionId, extensionPage, rules);
    const listener = await openListener(context, extensionId, extensionPage);
    const page = await context.newPage();
    // Only the measured tab and the listener stay open (the extension may open a welcome page on install).
    for (const other of context.pages()) if (other !== page && other !== listener) await other.close();
    const cdp = await context.newCDPSession(page);
    const bySize = new Map<number, ExtensionSamples>();
    for (const listing of listings) {
      const samples: ExtensionSamples = {
        augment: [], pageLoad: [], heap: [], cls: [], toggles: new Map(), floor: [],
        textKey: [], textClear: [], keyJ: [], keyJBaseline: [], starClick: [], starRoundtrip: [], scroll: [],
      };
      const ids = listingIds(listing);
      if (ids.length !== listing.entries) throw new Error(`found ${ids.length} ids in the ${listing.entries}-entry listing`);
      for (let run = 0; run < plan.warmups + plan.runs; run += 1) {
        await unmarkSeen(listener, ids);
        await page.bringToFront();
        await page.goto(ARXIV + listing.path, { waitUntil: 'domcontentloaded' });
        samples.augment.push(await augmentOf(page, listing.entries));
        samples.pageLoad.push(await loadEventEnd(page));
        await injectProbe(page, probe);
        await page.waitForTimeout(SETTLE_MS);
        samples.cls.push(await page.evaluate(() => window.siftBench.layoutShift()));
        samples.heap.push(await heapOf(cdp));
        await typeset(page);
        await togglesOf(page, samples);
        await textFilterOf(page, samples);
        await keyJOf(page, plan.keyJ, samples);
        await starOf(page, listener, samples);
        await loadTypeset(page, listener, ids, listing.path, probe);
        await toggleBaselinesOf(page, samples);
      }
      for (let run = 0; run < plan.scrollRuns; run += 1) {
        await loadTypeset(page, listener, ids, listing.path, probe);
        samples.scroll.push(await page.evaluate(([px, frames]) => window.siftBench.scroll(px, frames), [plan.scrollPx, plan.scrollFrames] as const));
      }
      bySize.set(listing.entries, samples);
    }
    return bySize;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
