import { chromium, type BrowserContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../../../scripts/browsers.mjs';
import { routeArxiv } from '../../../scripts/arxiv-routes.mjs';

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of the SHA-256 of its absolute
 * path, written with the letters a-p for the hex digits (Chromium's `crx_file::id_util::GenerateIdForPath`).
 * Knowing it up front matters on a relaunch, where the service worker need not start on its own.
 */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Launches Chromium on the profile `userDataDir` (kept between launches, unlike the fixture's
 * fresh profile) with the unpacked extension at `extensionPath`, arXiv answered from the
 * fixtures and the extension's own pages let through.
 */
export async function launchProfile(userDataDir: string, extensionPath: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const extensionId = unpackedExtensionId(extensionPath);
  await routeArxiv(context);
  await context.route(`chrome-extension://${extensionId}/**`, (route) => route.continue());
  return { context, extensionId };
}

/**
 * Puts the build at `build` where the extension loads from, replacing what was there, the way an
 * update replaces an unpacked extension's files in place. `version` overrides the manifest's.
 */
export function installBuild(build: string, extensionPath: string, version?: string): void {
  rmSync(extensionPath, { recursive: true, force: true });
  cpSync(build, extensionPath, { recursive: true });
  if (version === undefined) return;
  const manifestPath = `${extensionPath}/manifest.json`;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }));
}

/**
 * Drops the profile's service worker registrations (`Default/Service Worker`), so the next launch
 * registers the extension's worker from its files. Chromium keeps running the script it
 * registered for an unpacked extension whose files were replaced in place, even with a new
 * manifest version (checked with Chromium 156: the 0.1.0 worker answered the new pages); a store
 * update installs into a new version directory and registers the new worker. The extension's
 * data lives elsewhere in the profile (IndexedDB, Local Extension Settings) and stays.
 */
export function forgetWorkerScripts(userDataDir: string): void {
  rmSync(join(userDataDir, 'Default', 'Service Worker'), { recursive: true, force: true });
}

/** The URLs of the profile's open tabs that show the extension's welcome page. */
export function welcomeTabs(context: BrowserContext, extensionId: string): string[] {
  return context
    .pages()
    .map((page) => page.url())
    .filter((url) => url === `chrome-extension://${extensionId}/welcome.html`);
}

/** Waits for the extension's service worker to be running (it starts for onInstalled after an update). */
export async function serviceWorkerOf(context: BrowserContext, extensionId: string): Promise<void> {
  const running = () => context.serviceWorkers().some((worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`));
  if (running()) return;
  await context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`), timeout: 15_000 });
}
