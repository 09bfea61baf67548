// One way to start Chromium with the built extension, shared by the tests, the demo and the bench.
import { chromium } from '@playwright/test';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './browsers.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
/** The build a reader installs (`npm run build`), with closed shadow roots: the demo and the hostile-page tests load it. */
export const READER_BUILD = resolve(ROOT, process.env.SIFT_READER_OUT_DIR ?? '.output', 'chrome-mv3');
/**
 * The build the browser tests, the bench and the screenshots drive (`npm run build:test`): the
 * reader's build with open shadow roots, which Playwright's locators need (lib/overlay/shadow-mode.ts).
 * `SIFT_OUT_DIR` points it at another build, as it points `wxt build` at another folder.
 */
export const CHROME_BUILD = resolve(ROOT, process.env.SIFT_OUT_DIR ?? '.output-test', 'chrome-mv3');

/**
 * Launches a persistent context with the built extension loaded; returns it with the extension id.
 * `args` go to Chromium after Sift's own, e.g. `--lang=de`, the one way to pick the language
 * `chrome.i18n` answers in (Playwright's `locale` option changes what pages see, not the browser's).
 */
export async function launchWithExtension({ headless = true, extensionPath = CHROME_BUILD, viewport, args = [] } = {}) {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npm run build\` and \`npm run build:test\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'sift-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    viewport: viewport ?? { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...args,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, userDataDir };
}
