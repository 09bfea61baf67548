/**
 * The listing as a reader gets it: its HTML arriving over the network at `rateMBps` instead of
 * all at once. Playwright's request interception can only answer with a whole body, and CDP's
 * network throttling does not apply to intercepted requests, so the listing comes from a local
 * HTTPS server that writes it in 32 KB pieces at that rate; Chromium resolves arxiv.org to it
 * and accepts its throwaway certificate. Every other arXiv request (stylesheets, MathJax) is
 * still answered from the fixtures. With the extension and without, in the same run.
 *
 * This is where reading ahead (lib/arxiv/read-ahead.ts) shows: it reads entries while the
 * browser waits for bytes, which a listing delivered at once never leaves it.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { throwawayCertificate } from '../scripts/api-proxy.mjs';
import { routeArxiv } from '../scripts/arxiv-routes.mjs';
import { findChromium } from '../scripts/browsers.mjs';
import { launchWithExtension } from '../scripts/launch.mjs';
import { PLAIN_ARGS, VIEWPORT } from './pages';

const CHUNK_BYTES = 32 * 1024;

export interface StreamedSample {
  /** Navigation start → DOMContentLoaded and → load event end. */
  dclMs: number;
  loadMs: number;
  /** With the extension: DOMContentLoaded → controls on every entry, and → stars and highlights shown. */
  augmentMs?: number;
  readyMs?: number;
  /** With the extension: navigation start → controls on every entry. */
  controlsAtMs?: number;
  /** With the extension: entries read while the page streamed in, and the time that took. */
  readAheadEntries?: number;
  readAheadMs?: number;
  /** With the extension: DOMContentLoaded → the store's answer about entries read ahead shown, and how many; absent when it was not back by then. */
  previewMs?: number;
  previewEntries?: number;
}

export interface StreamedSamples {
  rateMBps: number;
  plain: StreamedSample[];
  extension: StreamedSample[];
}

/** Serves `html` for every request at `rateMBps`; answers the port and a closer. */
async function streamingServer(html: string, rateMBps: number): Promise<{ port: number; close(): Promise<void> }> {
  const body = Buffer.from(html, 'utf8');
  const pause = (CHUNK_BYTES / (rateMBps * 1024 * 1024)) * 1000;
  const server = createServer(throwawayCertificate('arxiv.org'), (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    let at = 0;
    const next = () => {
      if (at >= body.length) return void response.end();
      response.write(body.subarray(at, at + CHUNK_BYTES));
      at += CHUNK_BYTES;
      setTimeout(next, pause);
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function browserArgs(port: number): string[] {
  return [`--host-resolver-rules=MAP arxiv.org 127.0.0.1:${port}`, '--ignore-certificate-errors'];
}

/** Every arXiv request from the fixtures except the listing's, which goes to the streaming server. */
async function routeAllButListing(context: BrowserContext, path: string): Promise<void> {
  await routeArxiv(context);
  await context.route(`https://arxiv.org${path}`, (route) => route.continue());
}

async function sampleOf(page: Page, withExtension: boolean): Promise<StreamedSample> {
  if (withExtension) await page.locator('html[data-sift-ready]').waitFor({ state: 'attached', timeout: 120_000 });
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0] as PerformanceMark | undefined;
    const dcl = navigation.domContentLoadedEventStart;
    const sample: StreamedSample = { dclMs: dcl, loadMs: navigation.loadEventEnd };
    const controls = mark('sift:controls');
    const ready = mark('sift:ready');
    const read = mark('sift:start')?.detail as { ms: number; entries: number } | undefined;
    if (controls && ready && read) {
      Object.assign(sample, {
        augmentMs: controls.startTime - dcl,
        readyMs: ready.startTime - dcl,
        controlsAtMs: controls.startTime,
        readAheadEntries: read.entries,
        readAheadMs: read.ms,
      });
    }
    const preview = mark('sift:preview');
    if (preview) Object.assign(sample, { previewMs: preview.startTime - dcl, previewEntries: preview.detail as number });
    return sample;
  });
}

/**
 * Loads `path` (served as `html` at `rateMBps`) `runs` times without the extension and `runs`
 * times with it, alternating, each in a fresh browser.
 */
export async function measureStreamed(path: string, html: string, rateMBps: number, runs: number): Promise<StreamedSamples> {
  const server = await streamingServer(html, rateMBps);
  const samples: StreamedSamples = { rateMBps, plain: [], extension: [] };
  try {
    for (let run = 0; run < runs; run += 1) {
      const plain = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sift-bench-streamed-')), {
        executablePath: findChromium(),
        headless: true,
        viewport: VIEWPORT,
        args: [...PLAIN_ARGS, ...browserArgs(server.port)],
      });
      try {
        await routeAllButListing(plain, path);
        const page = plain.pages()[0] ?? (await plain.newPage());
        await page.goto(`https://arxiv.org${path}`, { waitUntil: 'commit' });
        samples.plain.push(await sampleOf(page, false));
      } finally {
        await plain.close();
      }
      const { context } = await launchWithExtension({ viewport: VIEWPORT, args: browserArgs(server.port) });
      try {
        await routeAllButListing(context, path);
        const page = await context.newPage();
        await page.bringToFront();
        await page.goto(`https://arxiv.org${path}`, { waitUntil: 'commit' });
        samples.extension.push(await sampleOf(page, true));
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.close();
  }
  return samples;
}
