// Sync between two Firefox profiles, the Firefox twin of tests/e2e/sync.spec.ts. Firefox Sync
// cannot run here, so the test does what it would: one profile's storage.sync items are set in the
// other profile's storage.sync, from an extension page, and the other profile's Sift merges them.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Listing, SEED, byRole, eventually, launchFirefox } from './harness.mjs';

const FEDERATED = '2602.22290';
const PRIVACY = '2602.22434';

/** Opens the options page the way a reader does (the overlay's Reading list, then its Options). */
async function openOptions(session, listing) {
  await listing.clickToolbarButton('Reading list');
  const list = await session.extensionPage('/reading-list.html');
  await list.locator(byRole('button', 'Options')).click();
  const options = await session.extensionPage('/options.html');
  await options.waitForSelector(byRole('heading', 'Sift options'));
  return options;
}

/** Sends one api message from an extension page and returns its result. */
async function send(page, type, data = {}) {
  const response = await page.evaluate(([type, data]) => browser.runtime.sendMessage({ type, data }), [type, data]);
  assert.equal(response?.ok, true, `${type} answered ${JSON.stringify(response)}`);
  return response.result;
}

/** This profile's storage.sync after Sift wrote what it holds. */
async function syncedArea(options) {
  await send(options, 'sync.now');
  return options.evaluate(() => browser.storage.sync.get(null));
}

/** What Firefox Sync does: the other profile's items arrive in this profile's storage.sync. */
const deliver = (options, items) => options.evaluate((items) => browser.storage.sync.set(items), items);

let laptop;
let desktop;
before(async () => {
  [laptop, desktop] = [await launchFirefox(), await launchFirefox()];
});
after(async () => {
  await laptop?.close();
  await desktop?.close();
});

it('stars and tags reach a second profile through storage.sync, and an edit on each side merges', async () => {
  const here = new Listing(await laptop.fresh());
  await here.open(SEED);
  await here.click(FEDERATED, 'Star');
  await eventually(() => here.pressed(FEDERATED, 'Star'), 'true');
  await here.addTag(PRIVACY, 'to read');
  const hereOptions = await openOptions(laptop, here);
  const first = await syncedArea(hereOptions);
  assert.ok(Object.keys(first).some((key) => key.startsWith('p')), 'the laptop wrote its papers to storage.sync');

  const there = new Listing(await desktop.fresh());
  await there.open(SEED);
  const thereOptions = await openOptions(desktop, there);
  await deliver(thereOptions, first);
  await there.page.bringToFront();
  await eventually(() => there.pressed(FEDERATED, 'Star'), 'true', { message: 'the desktop shows the laptop’s star' });
  await eventually(() => there.chips(PRIVACY), ['to read'], { message: 'the desktop shows the laptop’s tag' });

  // Apart: the laptop unstars the paper, the desktop tags it; each then gets the other's area.
  await here.page.bringToFront();
  await here.click(FEDERATED, 'Star');
  await eventually(() => here.pressed(FEDERATED, 'Star'), 'false');
  await there.page.bringToFront();
  await there.addTag(FEDERATED, 'cite');
  await deliver(thereOptions, await syncedArea(hereOptions));
  await eventually(() => there.pressed(FEDERATED, 'Star'), 'false', { message: 'the laptop’s unstar reaches the desktop' });
  // The desktop writes back what the laptop's items overwrote (its tag); then the laptop reads it.
  await eventually(
    async () => {
      await deliver(hereOptions, await syncedArea(thereOptions));
      return here.chips(FEDERATED);
    },
    ['cite'],
    { timeout: 30_000, message: 'the desktop’s tag reaches the laptop' },
  );
  assert.equal(await here.pressed(FEDERATED, 'Star'), 'false');
  assert.deepEqual(await there.chips(FEDERATED), ['cite']);
  const view = await send(hereOptions, 'sync.status');
  assert.equal(view.enabled, true);
  assert.ok(view.status.coverage?.bytes > 0, 'the status counts the bytes the area holds');
});
