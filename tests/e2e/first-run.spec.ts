import './support/node-i18n'; // first: lib modules below read browser.i18n when evaluated
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { CHROME_BUILD } from '../../scripts/launch.mjs';
import { SHORTCUTS } from '../../lib/overlay/shortcuts';
import { forgetWorkerScripts, installBuild, launchProfile, serviceWorkerOf, unpackedExtensionId, welcomeTabs } from './support/profile';

/** The part of an extension page's `chrome` global this spec reads. */
interface ExtensionGlobal {
  chrome: { runtime: { getManifest(): { version: string } } };
}

const welcomeUrl = (extensionId: string) => `chrome-extension://${extensionId}/welcome.html`;

test.use({ keepWelcome: true });

test('installing Sift opens the welcome page once, which teaches the keys and opens the chosen listing', async ({ context, extensionId }) => {
  await expect.poll(() => welcomeTabs(context, extensionId)).toHaveLength(1);
  const welcome = context.pages().find((page) => page.url() === welcomeUrl(extensionId))!;
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Sift for arXiv is installed');

  const picture = welcome.getByRole('img', { name: /An arXiv listing with Sift/ });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  // The five keys come from the overlay's own table, descriptions included.
  const rows = welcome.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(6);
  const table = new Map<string, string>(SHORTCUTS.map((shortcut) => [shortcut.key, shortcut.description]));
  await expect(rows.locator('td')).toHaveText(['j', 'k', 's', 'x', '?'].flatMap((key) => [key, table.get(key)!]));

  await expect(welcome.getByText(/extension's own database \(IndexedDB\)\. Sift sends nothing anywhere/)).toBeVisible();

  const category = welcome.getByRole('combobox', { name: 'Your category' });
  await expect(category).toHaveValue('cs.LG');
  await category.selectOption('cs.DC');
  const open = welcome.getByRole('link', { name: "Open today's cs.DC listing" });
  await expect(open).toHaveAttribute('href', 'https://arxiv.org/list/cs.DC/new');
  await open.click();
  await expect(welcome).toHaveURL('https://arxiv.org/list/cs.DC/new');
  await expect(welcome.locator('html[data-sift-ready]')).toBeAttached();

  // Remembered for the popup, and shown again if the reader comes back to the page.
  const again = await context.newPage();
  await again.goto(welcomeUrl(extensionId));
  await expect(again.getByRole('combobox', { name: 'Your category' })).toHaveValue('cs.DC');
  expect(welcomeTabs(context, extensionId)).toHaveLength(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the welcome page has no accessibility violation (${scheme})`, async ({ openExtensionPage }) => {
    const page = await openExtensionPage('welcome.html');
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.getByRole('combobox', { name: 'Your category' })).toBeEnabled();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
  });
}

test('the welcome page stays closed when the browser restarts and when Sift is updated', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sift-first-run-'));
  const profile = join(root, 'profile');
  const extension = join(root, 'extension');
  try {
    installBuild(CHROME_BUILD, extension);
    const first = await launchProfile(profile, extension);
    await serviceWorkerOf(first.context, first.extensionId);
    expect(first.context.serviceWorkers().map((worker) => new URL(worker.url()).host)).toContain(unpackedExtensionId(extension));
    await expect.poll(() => welcomeTabs(first.context, first.extensionId)).toHaveLength(1);
    // Closed by the reader, so a restart that brings tabs back cannot bring this one.
    for (const page of first.context.pages()) if (page.url() === welcomeUrl(first.extensionId)) await page.close();
    await first.context.close();

    const restarted = await launchProfile(profile, extension);
    await restarted.context.newPage().then((page) => page.goto(`chrome-extension://${restarted.extensionId}/reading-list.html`));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(welcomeTabs(restarted.context, restarted.extensionId)).toEqual([]);
    await restarted.context.close();

    // A new version in the same place. Chromium reports every start of an extension loaded with
    // --load-extension as an install, so what keeps the page closed here is the stored flag; the
    // reasons themselves (update, browser update) are covered by tests/unit/platform/first-run.test.ts.
    installBuild(CHROME_BUILD, extension, '99.0.0');
    forgetWorkerScripts(profile);
    const updated = await launchProfile(profile, extension);
    await serviceWorkerOf(updated.context, updated.extensionId);
    const page = await updated.context.newPage();
    await page.goto(`chrome-extension://${updated.extensionId}/reading-list.html`);
    expect(await page.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest().version)).toBe('99.0.0');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(welcomeTabs(updated.context, updated.extensionId)).toEqual([]);
    await updated.context.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
