/**
 * What Sift costs MathJax: arXiv's MathJax 2.7.3 typesetting a generated listing in Chromium
 * without the extension and with it (the benchmark rules installed, so Sift paints and repaints),
 * loads alternating between the two browsers in the same run so drift hits both alike. Each load
 * times MathJax's own startup signals from inside the page: "Begin Typeset" → "End Typeset" is the
 * whole first pass (tex2jax, the TeX input, the HTML-CSS output), during which Sift's repaint runs.
 * Wall-clock times on a shared machine swing with its load, so each load also reads the renderer
 * main thread's CPU time (CDP `Performance.getMetrics` `ThreadTime`, counted per document) from
 * the page's start to MathJax's end: Sift's own work plus what it makes MathJax do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { routeArxiv } from '../scripts/arxiv-routes.mjs';
import { findChromium } from '../scripts/browsers.mjs';
import { launchWithExtension } from '../scripts/launch.mjs';
import type { Rule } from '@/lib/rules/types';
import { median, round } from './report';
import { ARXIV, installRules, PLAIN_ARGS, VIEWPORT, type Listing } from './pages';

/** One load's MathJax timings, milliseconds from navigation start unless said otherwise. */
export interface TypesetSample {
  /** "Begin Typeset" → "End Typeset": the first typesetting pass over the page. */
  typesetMs: number;
  /** Navigation start → MathJax's "End" signal: when the reader sees every formula rendered. */
  doneMs: number;
  /** Main-thread CPU time from the document's start to MathJax's "End", and layout's share of the load. */
  cpuMs: number;
  layoutMs: number;
  /** Formulas typeset (`script[type^="math/tex"]` elements tex2jax made). */
  formulas: number;
  /** With Sift: highlight ranges registered once MathJax is done, and how many point outside their text. */
  ranges: number;
  rangesOutOfBounds: number;
}

export interface MathJaxMeasurement {
  entries: number;
  warmups: number;
  without: TypesetSample[];
  with: TypesetSample[];
  /** Medians over the measured loads (after the warm-ups). */
  summary: {
    typeset_ms_without: number;
    typeset_ms_with: number;
    ratio: number;
    done_ms_without: number;
    done_ms_with: number;
    cpu_ms_without: number;
    cpu_ms_with: number;
    cpu_ratio: number;
    formulas: number;
    ranges_with: number;
  };
}

interface TypesetTimes {
  begin?: number;
  end?: number;
  done?: number;
}

/**
 * Runs in the page's main world before arXiv's scripts: MathJax 2 reads a `window.MathJax` object
 * present when MathJax.js loads as configuration, and calls its `AuthorInit` before starting up,
 * which is where its startup signals can be hooked. arXiv's own `text/x-mathjax-config` still applies.
 */
function hookMathJax(): void {
  const times: TypesetTimes = {};
  const page = window as unknown as { __siftTypeset: TypesetTimes; MathJax: unknown };
  page.__siftTypeset = times;
  page.MathJax = {
    AuthorInit() {
      const hub = (window as unknown as { MathJax: { Hub: { Register: { StartupHook(name: string, callback: () => void): void } } } }).MathJax.Hub;
      hub.Register.StartupHook('Begin Typeset', () => (times.begin = performance.now()));
      hub.Register.StartupHook('End Typeset', () => (times.end = performance.now()));
      hub.Register.StartupHook('End', () => (times.done = performance.now()));
    },
  };
}

async function mainThreadMetrics(cdp: CDPSession): Promise<{ cpuMs: number; layoutMs: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
  return { cpuMs: value('ThreadTime') * 1000, layoutMs: value('LayoutDuration') * 1000 };
}

async function typesetOnce(page: Page, cdp: CDPSession, url: string, withSift: boolean): Promise<TypesetSample> {
  // A tab in the background gets its timers throttled, and MathJax typesets in timer-driven chunks.
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load' });
  const handle = await page.waitForFunction(
    () => {
      const times = (window as unknown as { __siftTypeset?: TypesetTimes }).__siftTypeset;
      return times?.begin !== undefined && times.end !== undefined && times.done !== undefined ? times : false;
    },
    null,
    { timeout: 120_000 },
  );
  const times = (await handle.jsonValue()) as Required<TypesetTimes>;
  const { cpuMs, layoutMs } = await mainThreadMetrics(cdp);
  if (withSift) await page.locator('html[data-sift-ready]').waitFor({ state: 'attached', timeout: 120_000 });
  // Sift repaints a moment after tex2jax's rewrite; give it that moment before counting ranges.
  if (withSift) await page.waitForTimeout(300);
  const counts = await page.evaluate(() => {
    let ranges = 0;
    let outOfBounds = 0;
    const fits = (node: Node, offset: number) =>
      node.isConnected && offset <= (node.nodeType === Node.TEXT_NODE ? (node as Text).length : node.childNodes.length);
    for (const highlight of CSS.highlights.values()) {
      for (const range of highlight) {
        ranges += 1;
        if (!fits(range.startContainer, range.startOffset) || !fits(range.endContainer, range.endOffset)) outOfBounds += 1;
      }
    }
    return { formulas: document.querySelectorAll('script[type^="math/tex"]').length, ranges, outOfBounds };
  });
  return {
    typesetMs: times.end - times.begin,
    doneMs: times.done,
    cpuMs,
    layoutMs,
    formulas: counts.formulas,
    ranges: counts.ranges,
    rangesOutOfBounds: counts.outOfBounds,
  };
}

async function plainContext(listing: Listing): Promise<{ context: BrowserContext; userDataDir: string }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sift-bench-mathjax-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: VIEWPORT,
    args: PLAIN_ARGS,
  });
  await routeArxiv(context, { extra: { [listing.path]: listing.html } });
  return { context, userDataDir };
}

/**
 * Measures MathJax's first typesetting pass on `listing` without and with the built extension,
 * `warmups + runs` loads each, alternating; with the extension, `rules` are installed first (from
 * `extensionPage`) so matches are painted and repainted as on a reader's page. Fails if the
 * listing typesets no formula, or if Sift is left with a highlight range outside its text.
 *
 * @example await measureMathJax(listings[1], benchRules(), { warmups: 1, runs: 5 }, extensionPageOf())
 */
export async function measureMathJax(
  listing: Listing,
  rules: readonly Rule[],
  plan: { warmups: number; runs: number },
  extensionPage: string,
): Promise<MathJaxMeasurement> {
  const plain = await plainContext(listing);
  const sift = await launchWithExtension({ viewport: VIEWPORT });
  try {
    await routeArxiv(sift.context, { extra: { [listing.path]: listing.html } });
    await installRules(sift.context, sift.extensionId, extensionPage, rules);
    for (const context of [plain.context, sift.context]) await context.addInitScript(hookMathJax);
    const plainPage = plain.context.pages()[0] ?? (await plain.context.newPage());
    const siftPage = sift.context.pages()[0] ?? (await sift.context.newPage());
    // Only the measured tab stays open (the extension may open a welcome page on install).
    for (const other of sift.context.pages()) if (other !== siftPage) await other.close();
    const plainCdp = await plain.context.newCDPSession(plainPage);
    const siftCdp = await sift.context.newCDPSession(siftPage);
    for (const cdp of [plainCdp, siftCdp]) await cdp.send('Performance.enable');
    const url = ARXIV + listing.path;
    const without: TypesetSample[] = [];
    const withSift: TypesetSample[] = [];
    for (let run = 0; run < plan.warmups + plan.runs; run += 1) {
      without.push(await typesetOnce(plainPage, plainCdp, url, false));
      withSift.push(await typesetOnce(siftPage, siftCdp, url, true));
    }
    const measured = (samples: readonly TypesetSample[], pick: (sample: TypesetSample) => number) =>
      round(median(samples.slice(plan.warmups).map(pick)));
    const formulas = measured(without, (s) => s.formulas);
    if (formulas === 0) throw new Error(`MathJax typeset no formula on the ${listing.entries}-entry listing`);
    const stray = withSift.find((s) => s.rangesOutOfBounds > 0);
    if (stray) throw new Error(`${stray.rangesOutOfBounds} of ${stray.ranges} highlight ranges are out of bounds after typesetting`);
    const typesetWithout = measured(without, (s) => s.typesetMs);
    const typesetWith = measured(withSift, (s) => s.typesetMs);
    const cpuWithout = measured(without, (s) => s.cpuMs);
    const cpuWith = measured(withSift, (s) => s.cpuMs);
    return {
      entries: listing.entries,
      warmups: plan.warmups,
      without,
      with: withSift,
      summary: {
        typeset_ms_without: typesetWithout,
        typeset_ms_with: typesetWith,
        ratio: round(typesetWith / typesetWithout),
        done_ms_without: measured(without, (s) => s.doneMs),
        done_ms_with: measured(withSift, (s) => s.doneMs),
        cpu_ms_without: cpuWithout,
        cpu_ms_with: cpuWith,
        cpu_ratio: round(cpuWith / cpuWithout),
        formulas,
        ranges_with: measured(withSift, (s) => s.ranges),
      },
    };
  } finally {
    await sift.context.close();
    await plain.context.close();
    rmSync(sift.userDataDir, { recursive: true, force: true });
    rmSync(plain.userDataDir, { recursive: true, force: true });
  }
}
