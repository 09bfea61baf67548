// One way to start Chromium with the built extension, shared by the tests, the demo and the bench.
import { chromium } from '@playwright/test';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './browsers.mjs';

export const CHROME_BUILD = resolve(new URL('..', import.meta.url).pathname, process.env.SIFT_OUT_DIR ?? '.output', 'chrome-mv3');

/** Launches a persistent context with the built extension loaded; returns it with the extension id. */
export async function launchWithExtension({ headless = true, extensionPath = CHROME_BUILD, viewport } = {}) {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npm run build\` first.`);
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
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, userDataDir };
}
