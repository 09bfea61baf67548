// The overlay on the seed listing in Firefox ESR: the same reader flows as tests/e2e (star, hide,
// tags, filters, highlight rules, keyboard), run against the built Firefox add-on.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Listing, SEED, byRole, eventually, launchFirefox } from './harness.mjs';

const FIRST = '2602.22290'; // Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)
const ZELASKO = '2602.22434'; // GetBatch: … Piotr Żelasko
const PRIVACY = '2602.22633'; // Tackling Privacy Heterogeneity in Differentially Private Federated Learning
const CROSS = '2602.22240'; // first cross-list
const REPLACEMENT = '2412.15411'; // first replacement

describe('Sift on an arXiv listing in Firefox', () => {
  let session;
  let listing;

  before(async () => {
    session = await launchFirefox();
  });
  after(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    listing = new Listing(await session.fresh());
    await listing.open(SEED);
  });

  it('gives every entry of the seed listing an unpressed Star toggle', async () => {
    assert.deepEqual(await listing.pressedStates('Star'), Array(29).fill('false'));
    assert.equal((await listing.pressedStates('Hide')).length, 29);
  });

  it('keeps stars across a reload and shows them in a second tab, which can unstar', async () => {
    const starred = [FIRST, ZELASKO, PRIVACY];
    for (const id of starred) {
      await listing.click(id, 'Star');
      await eventually(() => listing.pressed(id, 'Star'), 'true');
    }
    await listing.reload();
    for (const id of starred) assert.equal(await listing.pressed(id, 'Star'), 'true', `${id} is still starred after a reload`);
    assert.equal((await listing.pressedStates('Star')).filter((state) => state === 'true').length, 3);

    // The background finds arXiv tabs with tabs.query({ url }) through its host permissions
    // (no "tabs" permission) and tells them: the first tab follows without a reload.
    const second = new Listing(await session.newPage());
    await second.open(SEED);
    assert.equal((await second.pressedStates('Star')).filter((state) => state === 'true').length, 3);
    await second.click(ZELASKO, 'Star');
    await eventually(() => second.pressed(ZELASKO, 'Star'), 'false');
    await eventually(() => listing.pressed(ZELASKO, 'Star'), 'false');
    await eventually(async () => (await listing.pressedStates('Star')).filter((state) => state === 'true').length, 2);
  });

  it('collapses a hidden entry to its title, counts it, reveals it, and undoes the hide', async () => {
    await listing.click(FIRST, 'Hide');
    await eventually(() => listing.pressed(FIRST, 'Hide'), 'true');
    assert.ok(!(await listing.expandedIds()).includes(FIRST), 'the abstract of a hidden entry is collapsed');
    assert.ok((await listing.visibleIds()).includes(FIRST), 'the title line of a hidden entry stays');
    assert.equal((await listing.toolbar()).toggles['Show hidden'].count, '1');

    await listing.toggle('Show hidden');
    await eventually(async () => (await listing.expandedIds()).includes(FIRST), true);
    await listing.toggle('Show hidden');
    await eventually(async () => (await listing.expandedIds()).includes(FIRST), false);

    await listing.page.locator(`[data-sift-entry="${FIRST}"] button[aria-label^="Undo hide: Energy Efficient Federated Learning"]`).click();
    await eventually(() => listing.pressed(FIRST, 'Hide'), 'false');
    assert.ok((await listing.expandedIds()).includes(FIRST));
    await listing.reload();
    assert.equal(await listing.pressed(FIRST, 'Hide'), 'false', 'the undo was stored');
  });

  it('shows tags as chips on the entry and counts them in the toolbar, also after a reload', async () => {
    await listing.addTag(FIRST, 'to read');
    await listing.addTag(ZELASKO, 'to read');
    await listing.addTag(ZELASKO, 'storage');
    await eventually(() => listing.chips(ZELASKO), ['to read', 'storage']);
    await eventually(async () => (await listing.toolbar()).tags, { 'to read': '2', storage: '1' });

    await listing.reload();
    assert.deepEqual(await listing.chips(FIRST), ['to read']);
    assert.deepEqual(await listing.chips(ZELASKO), ['to read', 'storage']);
    assert.deepEqual((await listing.toolbar()).tags, { 'to read': '2', storage: '1' });
  });

  it('counts in the toolbar and narrows the listing with each filter toggle', async () => {
    const bar = await listing.toolbar();
    const counts = Object.fromEntries(Object.entries(bar.toggles).map(([label, { count }]) => [label, count]));
    // Entries on screen long enough become seen, so the unseen count is whatever is left of 29.
    assert.ok(Number(counts['Only unseen']) <= 29, `unseen count ${counts['Only unseen']}`);
    delete counts['Only unseen'];
    // The sort control's two pressed-or-not buttons are no filters.
    delete counts['For you'];
    delete counts['arXiv order'];
    assert.deepEqual(counts, { 'Only starred': '0', 'Only matching': '0', 'Hide cross-lists': null, 'Hide replacements': null, 'Show hidden': '0' });
    assert.equal((await listing.visibleIds()).length, 29);

    await listing.toggle('Hide cross-lists');
    await eventually(async () => (await listing.visibleIds()).length, 23);
    assert.ok(!(await listing.visibleIds()).includes(CROSS));
    await listing.toggle('Hide replacements');
    await eventually(async () => (await listing.visibleIds()).length, 18);
    assert.ok(!(await listing.visibleIds()).includes(REPLACEMENT));
    await listing.toggle('Hide cross-lists');
    await listing.toggle('Hide replacements');
    await eventually(async () => (await listing.visibleIds()).length, 29);

    await listing.click(FIRST, 'Star');
    await eventually(async () => (await listing.toolbar()).toggles['Only starred'].count, '1');
    await listing.toggle('Only starred');
    await eventually(async () => (await listing.toolbar()).toggles['Only starred'].pressed, 'true');
    assert.deepEqual(await listing.visibleIds(), [FIRST]);
    await listing.toggle('Only starred');

    await listing.page.locator(`sift-overlay >>> ${byRole('searchbox', 'Filter this listing')}`).fill('zelasko');
    await eventually(() => listing.visibleIds(), [ZELASKO]);
    await listing.page.keyboard.press('Escape');
    await eventually(async () => (await listing.visibleIds()).length, 29);
  });

  it('paints a diacritic-insensitive author rule made in the Rules dialog over "Żelasko"', async () => {
    const author = `dd[data-sift-entry="${ZELASKO}"] .list-authors`;
    assert.equal(await listing.tintedPixels(author), 0, 'no tint before any rule');
    await listing.overlay('button', 'Rules').click();
    await listing.overlay('textbox', 'Match').fill('Zelasko');
    await listing.overlay('button', 'Add rule').click();
    await eventually(
      () => listing.page.$eval(`sift-overlay >>> ${byRole('list', 'Rules')}`, (list) => list.textContent.includes('Zelasko')),
      true,
    );
    await listing.overlay('button', 'Close').click();
    await eventually(() => listing.openDialogs(), []);
    await eventually(async () => (await listing.toolbar()).toggles['Only matching'].count, '1');

    // What the page sees: Firefox's content script registers the highlight in the page's own
    // CSS.highlights (no wrappedJSObject needed), or marks the entry when the API is missing.
    const painted = await listing.page.evaluate((id) => {
      const text = (from) => {
        const range = document.createRange();
        range.setStart(from.startContainer, from.startOffset);
        range.setEnd(from.endContainer, from.endOffset);
        return range.toString();
      };
      if (typeof CSS === 'undefined' || !('highlights' in CSS)) {
        return { mode: 'fallback', marked: [...document.querySelectorAll(`[data-sift-entry="${id}"][data-sift-rules]`)].length > 0 };
      }
      return { mode: 'highlight', names: [...CSS.highlights.keys()], ranges: [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map(text)) };
    }, ZELASKO);
    if (painted.mode === 'fallback') assert.deepEqual(painted, { mode: 'fallback', marked: true });
    else assert.deepEqual(painted, { mode: 'highlight', names: ['sift-rule-0'], ranges: ['Żelasko'] });
    // And Firefox draws it: the ::highlight() style the content script added applies to the page.
    const tinted = await listing.tintedPixels(author);
    assert.ok(tinted > 50, `the author line shows the rule colour (${tinted} tinted pixels)`);

    // Painting never touches the DOM: the author link still holds the plain name.
    assert.equal(await listing.page.$$eval(`[data-sift-entry="${ZELASKO}"] a`, (links) => links.filter((a) => a.textContent === 'Piotr Żelasko').length), 1);
    await listing.toggle('Only matching');
    await eventually(() => listing.visibleIds(), [ZELASKO]);
  });

  it('triages from the keyboard, and "/" reaches the filter instead of Firefox\'s quick find', async () => {
    await listing.page.mouse.click(2, 2);
    const [first, second] = (await listing.visibleIds()).slice(0, 2);
    await listing.page.keyboard.press('j');
    await eventually(() => listing.page.$eval(`[data-sift-entry="${first}"]`, (node) => node.hasAttribute('data-sift-focus')), true);
    await listing.page.keyboard.press('s');
    await eventually(() => listing.pressed(first, 'Star'), 'true');
    await listing.page.keyboard.press('j');
    await listing.page.keyboard.press('x');
    await eventually(() => listing.pressed(second, 'Hide'), 'true');

    await listing.page.keyboard.press('/');
    const focused = () => listing.page.evaluate(() => document.querySelector('sift-overlay')?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null);
    await eventually(focused, 'Filter this listing');
    await listing.page.keyboard.type('sx');
    assert.equal(await listing.page.$eval(`sift-overlay >>> ${byRole('searchbox', 'Filter this listing')}`, (input) => input.value), 'sx');
    await listing.page.keyboard.press('Escape');
    await eventually(async () => (await listing.visibleIds()).length, 29);
    assert.equal((await listing.pressedStates('Star')).filter((state) => state === 'true').length, 1, 'typing in the filter triggers no shortcut');
  });
});
