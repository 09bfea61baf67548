// A hostile page cannot drive Sift in Firefox either (the Chromium runs are tests/e2e/hostile.spec.ts):
// its script's clicks and keys change nothing in the store, a forged WXT "content script started"
// event does not tear the overlay down, and a form that clobbers `window.browser` does not cut
// Sift off from its background; and on the build a reader installs, the page reads none of the
// reader's words. The page is the seed listing with the markup below after <body>.
// And rules: a one-letter word is refused when saved, in words; rules that each pass the checks
// but together match all over the page paint a bounded number of ranges, from the entry on
// screen, and say so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIXTURES_DIR } from '../../scripts/arxiv-routes.mjs';
import { ADDON_ID, Listing, byRole, eventually, launchFirefox } from './harness.mjs';

const HOSTILE = '/list/cs.DC/new?fixture=hostile';
/** The painter's cap, read from its source: node runs this file without a TypeScript loader. */
const MAX_PAINTED_RANGES = Number(
  readFileSync(new URL('../../lib/highlight/paint.ts', import.meta.url), 'utf8').match(/export const MAX_PAINTED_RANGES = ([\d_]+);/)[1].replaceAll('_', ''),
);
/**
 * 25 regex rules (the most a store keeps), each a letter next to another letter: each is specific
 * enough to be saved, together they match some 1.3 times per character of the listing's text.
 */
const BROAD_RULES = [...'etaoinsrhldcu'].flatMap((letter) => [`${letter}[a-z]`, `[a-z]${letter}`]).slice(0, 25);
const FIRST = '2602.22290';

/**
 * The form clobbers `window.browser` for code that looks it up by name. The script records every
 * message posted to the window (from the start, before Sift runs) and offers the attack a hostile
 * page tries once Sift is ready: press its buttons, in the page and in the overlay, and its keys
 * (next, star, hide, select, tag, next unseen).
 */
const HOSTILE_MARKUP = `
<form id="browser"><input name="runtime" id="runtime" value="x"></form>
<script>
  window.siftKeys = [];
  window.siftTyped = [];
  window.addEventListener('keydown', (event) => window.siftKeys.push(event.key));
  window.addEventListener('input', (event) => window.siftTyped.push(event.data ?? ''));
  window.siftPosted = [];
  window.addEventListener('message', (event) => window.siftPosted.push(JSON.stringify(event.data)));
  window.siftAttack = () => {
    for (const button of document.querySelectorAll('[data-sift-entry] button')) button.click();
    const first = document.querySelector('[data-sift-entry] .sift-star');
    first && first.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    for (const key of ['j', 's', 'x', 'v', 'j', 's', 'u', 'x']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const root = document.querySelector('sift-overlay') && document.querySelector('sift-overlay').shadowRoot;
    for (const button of (root ? root.querySelectorAll('button') : [])) if (/Reading list|Mark all seen|Only starred/.test(button.textContent)) button.click();
    return { overlayRootOpen: Boolean(root), clobbered: window.browser instanceof HTMLFormElement };
  };
</script>`;

function hostileListing() {
  const seed = readFileSync(join(FIXTURES_DIR, 'list-new-cs.DC-2026-02-27.html'), 'utf8');
  return seed.replace(/<body[^>]*>/, (tag) => `${tag}${HOSTILE_MARKUP}`);
}

/** What the store holds, read in an extension page (which shares the background's IndexedDB). */
function storeContents(extensionPage) {
  return extensionPage.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sift');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tables = ['papers', 'tags', 'rules', 'seen'];
          const tx = open.result.transaction(tables, 'readonly');
          const out = {};
          for (const table of tables) {
            const request = tx.objectStore(table).getAllKeys();
            request.onsuccess = () => (out[table] = request.result.map(String));
          }
          tx.oncomplete = () => resolve(out);
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The paths of the extension pages open in a tab (puppeteer shows moz-extension tabs as about:blank). */
async function extensionTabs(browser) {
  const paths = [];
  for (const page of await browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href.startsWith('moz-extension://')) paths.push(new URL(href).pathname);
  }
  return paths;
}

describe('a hostile arXiv page in Firefox', () => {
  let session;
  let listing;

  before(async () => {
    session = await launchFirefox({ extra: { [HOSTILE]: hostileListing() } });
  });
  after(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    listing = new Listing(await session.fresh());
    await listing.open(HOSTILE);
  });

  it("a page script clicking and typing at Sift changes nothing in the store; the reader's click still stars", async () => {
    const { page } = listing;
    // Entries below the fold: only "Mark all seen" or the keyboard could mark these seen.
    const belowFold = await page.evaluate(() =>
      [...document.querySelectorAll('dt[data-sift-entry]')].filter((dt) => dt.getBoundingClientRect().top > innerHeight).map((dt) => dt.getAttribute('data-sift-entry')),
    );
    assert.ok(belowFold.length > 15, `${belowFold.length} entries below the fold`);

    const attack = await page.evaluate(() => window.siftAttack());
    assert.deepEqual(attack, { overlayRootOpen: true, clobbered: true }, 'the attack reached the overlay and the form clobbers window.browser');
    await sleep(500);

    assert.deepEqual(await listing.pressedStates('Star'), Array(29).fill('false'));
    assert.deepEqual(await listing.pressedStates('Hide'), Array(29).fill('false'));
    assert.equal(await page.$$eval('[data-sift-hidden]', (nodes) => nodes.length), 0);
    const bar = await listing.toolbar();
    assert.equal(bar.toggles['Only starred'].pressed, 'false');
    assert.equal(bar.toggles['Only starred'].count, '0');
    assert.equal((await listing.visibleIds()).length, 29);
    assert.deepEqual(await listing.openDialogs(), []);
    assert.deepEqual(await extensionTabs(session.browser), [], 'no reading-list tab opened');

    // The reader opens the reading list (a real click) to look into the store.
    await listing.clickToolbarButton('Reading list');
    const list = await session.extensionPage('/reading-list.html');
    const stored = await storeContents(list);
    assert.deepEqual({ papers: stored.papers, tags: stored.tags, rules: stored.rules }, { papers: [], tags: [], rules: [] });
    assert.deepEqual(stored.seen.filter((id) => belowFold.includes(id)), [], 'nothing below the fold was marked seen');

    // The clobbering form did not cut Sift off from its background: a real click stars and is stored.
    await page.bringToFront();
    await listing.click(FIRST, 'Star');
    await eventually(() => listing.pressed(FIRST, 'Star'), 'true');
    await eventually(async () => (await storeContents(list)).papers, [FIRST]);
  });

  it("a forged WXT start event does not remove the overlay, which keeps working, and the page never learns the add-on's address", async () => {
    const { page } = listing;
    await page.evaluate((id) => {
      for (const name of [`${id}:arxiv:wxt:content-script-started`, 'undefined:arxiv:wxt:content-script-started']) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'arxiv', messageId: 'forged' } }));
      }
      window.postMessage({ type: `${id}:arxiv:wxt:content-script-started`, contentScriptName: 'arxiv', messageId: 'forged' }, '*');
    }, ADDON_ID);
    await sleep(300);

    assert.equal(await page.$$eval('sift-overlay', (nodes) => nodes.length), 1);
    assert.equal(await page.$$eval('[data-sift-detached]', (nodes) => nodes.length), 0, 'no "Sift was turned off" line');
    assert.equal(await page.$eval('html', (html) => html.hasAttribute('data-sift-ready')), true);
    assert.equal((await listing.pressedStates('Star')).length, 29);

    // Still working: a real click stars, the toolbar counts it, and its filter narrows the listing.
    await listing.click(FIRST, 'Star');
    await eventually(() => listing.pressed(FIRST, 'Star'), 'true');
    await eventually(async () => (await listing.toolbar()).toggles['Only starred'].count, '1');
    await listing.toggle('Only starred');
    await eventually(() => listing.visibleIds(), [FIRST]);
    await listing.page.keyboard.press('?');
    await eventually(() => listing.openDialogs(), ['Keyboard shortcuts']);
    await listing.overlay('button', 'Close').click();

    await listing.clickToolbarButton('Reading list');
    const list = await session.extensionPage('/reading-list.html');
    await eventually(async () => (await storeContents(list)).papers, [FIRST]);
    const origin = await list.evaluate(() => location.host);
    const posted = await page.evaluate(() => window.siftPosted);
    const ours = posted.filter((message) => !message.includes('forged'));
    assert.deepEqual(
      ours.filter((message) => message.includes(origin) || message.includes(ADDON_ID) || message.includes('moz-extension')),
      [],
      'no message to the page names the add-on',
    );
  });

  it('rules that together match all over the page paint at most the cap, from the entry on screen, say so, and still count every entry', async () => {
    const { page } = listing;
    const ids = await page.$$eval('dt[data-sift-entry]', (dts) => dts.map((dt) => dt.getAttribute('data-sift-entry')));
    await page.evaluate(() => document.querySelectorAll('dt[data-sift-entry]')[20].scrollIntoView({ block: 'start' }));

    await listing.clickToolbarButton('Reading list');
    const list = await session.extensionPage('/reading-list.html');
    await list.locator(byRole('button', 'Options')).click();
    const options = await session.extensionPage('/options.html');
    // One import, as a shared rule file would arrive: the listing repaints once with all of them.
    const imported = await options.evaluate(async (patterns) => {
      const rules = patterns.map((pattern) => ({ id: `broad-${pattern}`, pattern, mode: 'regex', fields: ['title', 'abstract', 'authors', 'comments', 'subjects'], caseSensitive: false, diacriticSensitive: false, color: '#ffe066', action: 'highlight', enabled: true, createdAt: 0, updatedAt: 0 }));
      const backup = (await browser.runtime.sendMessage({ type: 'backup.export', data: {} })).result;
      const json = JSON.stringify({ ...backup, tables: { ...backup.tables, rules } });
      const answer = await browser.runtime.sendMessage({ type: 'backup.import', data: { json, mode: 'merge' } });
      const stored = await browser.runtime.sendMessage({ type: 'rules.list', data: {} });
      return { ok: answer?.ok, error: answer?.error, refused: (stored.result ?? []).filter((rule) => rule.verdict?.error !== undefined).map((rule) => rule.pattern) };
    }, BROAD_RULES);
    assert.deepEqual(imported, { ok: true, error: undefined, refused: [] }, 'every rule passed the save-time checks');
    await page.bringToFront();

    const status = () => page.evaluate(() => document.querySelector('sift-overlay')?.shadowRoot?.querySelector('.sift-status')?.textContent ?? '');
    let notice = '';
    await eventually(async () => /^Sift highlighted /.test((notice = await status())), true, { timeout: 20_000 });
    const cap = MAX_PAINTED_RANGES.toLocaleString('en');
    assert.match(notice, new RegExp(`^Sift highlighted ${cap} of the [\\d,]+ rule matches on this page, from the entry on screen onward: more would make the page unresponsive\\. "Only matching" still counts every matching entry`));
    const found = Number(notice.match(/of the ([\d,]+) rule matches/)[1].replaceAll(',', ''));
    assert.ok(found > MAX_PAINTED_RANGES, `${found} matches`);
    await eventually(async () => (await listing.toolbar()).toggles['Only matching'].count, String(ids.length));

    const painted = await page.evaluate(() => {
      if (typeof CSS === 'undefined' || !('highlights' in CSS)) return undefined;
      const perEntry = {};
      for (const highlight of CSS.highlights.values()) {
        for (const range of highlight) {
          const id = range.startContainer.parentElement?.closest('[data-sift-entry]')?.getAttribute('data-sift-entry');
          perEntry[id] = (perEntry[id] ?? 0) + 1;
        }
      }
      return perEntry;
    });
    // Firefox without the Highlight API marks entries instead, with nothing to cap.
    if (painted === undefined) return;
    assert.equal(Object.values(painted).reduce((sum, n) => sum + n, 0), MAX_PAINTED_RANGES);
    // From the entry on screen to the end, then round to the top: the entries between are left.
    assert.ok(painted[ids[20]] > 0 && painted[ids[28]] > 0 && painted[ids[0]] > 0, JSON.stringify(painted));
    assert.equal(painted[ids[12]], undefined, JSON.stringify(painted));
  });

  it('a one-letter word rule made in the Rules dialog is refused in words, and nothing is saved or painted', async () => {
    await listing.overlay('button', 'Rules').click();
    await listing.overlay('textbox', 'Match').fill('a');
    const mode = await listing.page.$(`sift-overlay >>> ${byRole('combobox', 'As')}`);
    await mode.select('word');
    await listing.overlay('button', 'Add rule').click();
    const alert = await listing.page.waitForSelector('sift-overlay >>> .rule-form [role="alert"]');
    const said = await alert.evaluate((node) => node.textContent.trim());
    // The background's refusal, under the name of the call that carried it.
    assert.match(said, /^A rule of one character \("a"\) is found in nearly every paper, as a word of its own .* use a longer word or a phrase\.$/);
    assert.equal(await listing.page.$eval(`sift-overlay >>> ${byRole('list', 'Rules')}`, (list) => list.textContent.trim()), 'No rules yet.');
    await listing.overlay('button', 'Close').click();
    await eventually(async () => (await listing.toolbar()).toggles['Only matching'].count, '0');
  });
});

describe('the Firefox build a reader installs, on a hostile page', () => {
  const SECRET_TAG = 'grant-proposal';
  const SECRET_NOTE = 'Compare with our rejected submission';
  let session;

  before(async () => {
    session = await launchFirefox({ extra: { [HOSTILE]: hostileListing() }, build: 'reader' });
  });
  after(async () => {
    await session?.close();
  });

  it("the page's script reads no tag name, note or keystroke the reader gives Sift", async () => {
    const listing = new Listing(await session.fresh());
    await listing.open(HOSTILE);
    const { page } = listing;
    // The harness cannot enter a closed root: focus inside it shows as the host being the active element.
    const focusInSift = () => page.evaluate(() => document.activeElement?.localName === 'sift-overlay');
    await page.keyboard.press('j');
    await page.keyboard.press('t');
    await eventually(focusInSift, true);
    await page.keyboard.type(SECRET_TAG);
    await page.keyboard.press('Enter');
    await eventually(() => page.$$eval('[data-sift-tagged] .sift-chips', (hosts) => hosts.length), 1);
    // Escape closes the picker; pressed after it has closed, it would let go of the focused entry.
    if (await focusInSift()) await page.keyboard.press('Escape');
    await eventually(focusInSift, false);
    // The tagged entry's own Note button: after the picker, the keyboard's target entry depends on
    // where the dialog handed focus back, which this test is not about.
    await page.click('dt[data-sift-tagged] .sift-note');
    await eventually(focusInSift, true);
    await page.keyboard.type(SECRET_NOTE);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await eventually(() => page.$$eval('.sift-note-tip', (tips) => tips.length), 1);

    const seen = await page.evaluate(() => ({
      overlayRoot: document.querySelector('sift-overlay')?.shadowRoot !== null,
      entryRoots: [...document.querySelectorAll('.sift-chips, .sift-note-tip')].map((host) => host.shadowRoot !== null),
      markup: document.documentElement.outerHTML,
      text: document.body.innerText,
      keys: window.siftKeys.join(''),
      typed: window.siftTyped.join(''),
    }));
    assert.ok(seen.keys.includes('jt'), 'the page saw the shortcuts');
    assert.equal(seen.overlayRoot, false);
    assert.deepEqual(seen.entryRoots, [false, false]);
    for (const secret of [SECRET_TAG, SECRET_NOTE]) {
      assert.ok(!seen.markup.includes(secret), `${secret} in the page's markup`);
      assert.ok(!seen.text.includes(secret), `${secret} in the page's innerText`);
      assert.ok(!seen.keys.includes(secret.slice(0, 6)), `${secret} in the page's keydown log`);
      assert.ok(!seen.typed.includes(secret.slice(0, 6)), `${secret} in the page's input log`);
    }
  });
});
