import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

const SEED = '/list/cs.DC/new';

interface Expected {
  starred: boolean;
  hidden: boolean;
  tags: Set<string>;
}

test('two tabs interleave 200 star, hide and tag operations and end in exactly the expected state', async ({ page, context }) => {
  test.setTimeout(240_000);
  const tabs = [new ListingPage(page), new ListingPage(await context.newPage())];
  for (const tab of tabs) await tab.open(SEED);
  const ids = await tabs[0]!.page.evaluate(() => [...document.querySelectorAll('dt[data-sift-entry]')].map((dt) => dt.getAttribute('data-sift-entry')!));
  const expected = new Map<string, Expected>(ids.map((id) => [id, { starred: false, hidden: false, tags: new Set() }]));

  for (let i = 0; i < 200; i++) {
    const tab = tabs[i % 2]!;
    // Background tabs get no animation frames, which Playwright's clicks wait for.
    if (i < 2 || tabs[(i - 1) % 2] !== tab) await tab.page.bringToFront();
    const id = ids[(i * 7) % ids.length]!;
    const model = expected.get(id)!;
    const kind = i % 5;
    if (kind === 0 || kind === 2) {
      model.starred = !model.starred;
      await tab.starOf(id).click();
      await expect(tab.starOf(id)).toHaveAttribute('aria-pressed', String(model.starred));
    } else if (kind === 1 || kind === 3) {
      model.hidden = !model.hidden;
      await tab.hideOf(id).click();
      await expect(tab.hideOf(id)).toHaveAttribute('aria-pressed', String(model.hidden));
    } else {
      const tag = `t${i % 3}`;
      const on = !model.tags.has(tag);
      if (on) model.tags.add(tag);
      else model.tags.delete(tag);
      await tab.tagsOf(id).click();
      const dialog = tab.dialog('Tags');
      if (on) {
        await dialog.getByRole('textbox', { name: 'Find or create a tag' }).fill(tag);
        await dialog.getByRole('textbox', { name: 'Find or create a tag' }).press('Enter');
      } else {
        await dialog.getByRole('checkbox', { name: tag }).uncheck();
      }
      await expect(dialog.getByRole('checkbox', { name: tag })).toBeChecked({ checked: on });
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    // The other tab follows before the next operation, as a reader switching tabs would see.
    const other = tabs[(i + 1) % 2]!;
    await expect(other.starOf(id)).toHaveAttribute('aria-pressed', String(model.starred));
    await expect(other.hideOf(id)).toHaveAttribute('aria-pressed', String(model.hidden));
  }

  const fresh = new ListingPage(await context.newPage());
  await fresh.page.bringToFront();
  await fresh.open(SEED);
  for (const [id, model] of expected) {
    await expect(fresh.starOf(id), id).toHaveAttribute('aria-pressed', String(model.starred));
    await expect(fresh.hideOf(id), id).toHaveAttribute('aria-pressed', String(model.hidden));
    const chips = fresh.entry(id).getByRole('listitem');
    await expect(chips, id).toHaveText([...model.tags].sort((a, b) => chipOrder(model, a) - chipOrder(model, b)));
  }
});

/** Chips show tags in the order they were added; the model's Set keeps insertion order too. */
function chipOrder(model: Expected, tag: string): number {
  return [...model.tags].indexOf(tag);
}

test('an operation after the service worker was stopped succeeds and nothing is lost', async ({ page, stopServiceWorker }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf('2602.22290').click();
  await expect(listing.starOf('2602.22290')).toHaveAttribute('aria-pressed', 'true');

  await stopServiceWorker();
  await listing.starOf('2602.22350').click();
  await expect(listing.starOf('2602.22350')).toHaveAttribute('aria-pressed', 'true');

  await stopServiceWorker();
  await page.reload();
  await listing.ready();
  await expect(listing.starOf('2602.22290')).toHaveAttribute('aria-pressed', 'true');
  await expect(listing.starOf('2602.22350')).toHaveAttribute('aria-pressed', 'true');
});

test('a burst of stars while the service worker is stopped leaves the tab and the store agreeing, and a lost star is said', async ({ page, context, stopServiceWorker }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const ids = (await listing.visibleIds()).slice(0, 12);
  const burst = (async () => {
    for (const id of ids) await listing.starOf(id).click();
  })();
  // The fixture stops the worker again and again until none runs, so a star's retry can meet a
  // stopped worker too: that star may be lost, but never shown as saved when it is not.
  await stopServiceWorker();
  await burst;
  const pressed = (view: ListingPage) => Promise.all(ids.map((id) => view.starOf(id).getAttribute('aria-pressed')));
  // A lost answer is read back for up to nine seconds; once the stopping is over, the tab comes to
  // show what the store holds, as a tab opened afterwards reads it.
  const fresh = new ListingPage(await context.newPage());
  let shown: (string | null)[] = [];
  await expect(async () => {
    await fresh.open(SEED);
    shown = await pressed(listing);
    expect(await pressed(fresh), 'what the store holds, read by a new tab').toEqual(shown);
  }).toPass({ timeout: 20_000 });
  expect(shown.filter((state) => state === 'true').length, 'stars that landed').toBeGreaterThan(0);
  const error = page.locator('sift-overlay .sift-status[data-kind="error"]');
  if (shown.includes('false')) await expect(error).toHaveCount(1);
  else await expect(error).toHaveCount(0);
});
