import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { CHROME_BUILD } from '../../scripts/launch.mjs';
import { ListingPage } from './pages/listing';
import { ReadingListPage } from './pages/reading-list';
import { forgetWorkerScripts, installBuild, launchProfile, serviceWorkerOf } from './support/profile';
import { PREVIOUS_RELEASE, previousChromeBuild } from './support/previous-build';

const SEED = '/list/cs.DC/new';
const FEDERATED = '2602.22290';
const GETBATCH = '2602.22434';
const PRIVACY = '2602.22633';
const SIMULTANEITY = '2602.22350';
const ADAPTBF = '2602.22409';

// The first run builds the previous release into .cache/ (about 20 s); later runs reuse it.
test.setTimeout(180_000);

test(`updating from ${PREVIOUS_RELEASE.version} keeps every star, tag, note and hidden paper`, async () => {
  const previous = previousChromeBuild();
  const current = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as { version: string };
  // Chromium reports an update only when the version changes; until this build's version is
  // raised, the copy under test carries one step more, as the next release will.
  const nextVersion = current.version === PREVIOUS_RELEASE.version ? `${current.version}.1` : undefined;

  const root = mkdtempSync(join(tmpdir(), 'sift-update-'));
  const profile = join(root, 'profile');
  const extension = join(root, 'extension');
  try {
    installBuild(previous, extension);
    const old = await launchProfile(profile, extension);
    await serviceWorkerOf(old.context, old.extensionId);
    const page = old.context.pages()[0] ?? (await old.context.newPage());
    const listing = new ListingPage(page);
    await listing.open(SEED);
    await listing.starOf(FEDERATED).click();
    await listing.starOf(GETBATCH).click();
    await listing.addTag(PRIVACY, 'to read');
    await listing.addTag(FEDERATED, 'gpu');
    await listing.hideOf(SIMULTANEITY).click();
    await listing.starOf(ADAPTBF).click();
    await listing.noteOf(ADAPTBF).click();
    await listing.dialog('Note').getByRole('textbox', { name: 'Note' }).fill('check the baseline');
    await listing.dialog('Note').getByRole('button', { name: 'Save note' }).click();
    await expect(listing.starOf(GETBATCH)).toHaveAttribute('aria-pressed', 'true');
    await expect(listing.chipsOf(FEDERATED)).toHaveText(['gpu']);
    await old.context.close();

    installBuild(CHROME_BUILD, extension, nextVersion);
    forgetWorkerScripts(profile);
    const updated = await launchProfile(profile, extension);
    await serviceWorkerOf(updated.context, updated.extensionId);
    const list = new ReadingListPage(await updated.context.newPage());
    await list.page.goto(`chrome-extension://${updated.extensionId}/reading-list.html`);
    await list.ready();
    expect(await list.page.evaluate(async () => (await (await fetch('/manifest.json')).json()).version)).toBe(nextVersion ?? current.version);
    expect((await list.ids()).sort()).toEqual([ADAPTBF, FEDERATED, GETBATCH, PRIVACY].sort());
    await expect(list.chipsOf(PRIVACY)).toHaveText(['to read']);
    await expect(list.chipsOf(FEDERATED)).toHaveText(['gpu']);

    const again = new ListingPage(await updated.context.newPage());
    await again.open(SEED);
    await expect(again.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'true');
    await expect(again.starOf(GETBATCH)).toHaveAttribute('aria-pressed', 'true');
    await expect(again.chipsOf(PRIVACY)).toHaveText(['to read']);
    await expect(again.entry(SIMULTANEITY).getByRole('button', { name: /^Undo hide/ })).toBeVisible();
    await again.noteOf(ADAPTBF).click();
    await expect(again.dialog('Note').getByRole('textbox', { name: 'Note' })).toHaveValue('check the baseline');
    await updated.context.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
