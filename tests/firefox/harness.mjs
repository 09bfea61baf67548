// Firefox ESR with the built add-on, driven from Node over WebDriver BiDi (puppeteer-core): the
// Firefox counterpart of tests/e2e/fixtures.ts. Playwright cannot drive a stock Firefox and there
// is no geckodriver here, so this file is the whole harness. Every arxiv.org and static.arxiv.org
// request a page makes is answered from tests/fixtures and the mathjax package
// (scripts/arxiv-routes.mjs), every other http(s) host is refused.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import puppeteer from 'puppeteer-core';
import { startApiProxy } from '../../scripts/api-proxy.mjs';
import { arxivResponse } from '../../scripts/arxiv-routes.mjs';
import { findFirefox } from '../../scripts/browsers.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

/**
 * The Firefox build the tests drive, `npm run build:test`'s (or the one under SIFT_OUT_DIR): the
 * reader's build with open shadow roots, which the harness's queries enter (lib/overlay/shadow-mode.ts).
 */
export const FIREFOX_BUILD = resolve(ROOT, process.env.SIFT_OUT_DIR ?? '.output-test', 'firefox-mv2');
/** The build a reader installs, `npm run build`'s: closed shadow roots, for the tests of what a page can see. */
export const READER_FIREFOX_BUILD = resolve(ROOT, process.env.SIFT_READER_OUT_DIR ?? '.output', 'firefox-mv2');

/** The add-on id pinned in wxt.config.ts (`browser_specific_settings.gecko.id`). */
export const ADDON_ID = 'sift@arxiv-sift.invalid';

export const SEED = '/list/cs.DC/new';

/** How long `eventually` and puppeteer waits give the browser: the machine is shared and slow. */
const WAIT_MS = 10_000;

/**
 * Polls `read` until its value deep-equals `expected`, then returns it; after `timeout` fails
 * with the last value seen, so a failure names what the page showed instead of "timed out".
 */
export async function eventually(read, expected, { timeout = WAIT_MS, message } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await read();
      assert.deepEqual(last, expected);
      return last;
    } catch (error) {
      if (Date.now() > deadline) {
        if (error instanceof assert.AssertionError) assert.deepEqual(last, expected, message);
        throw error;
      }
    }
    await sleep(100);
  }
}

/**
 * Answers every request of `page` with scripts/arxiv-routes.mjs, as the Playwright tests are
 * answered: the fixtures, arXiv's stylesheets and MathJax loader, MathJax at static.arxiv.org.
 * `extra` maps arXiv paths to HTML bodies a test made (a fixture with hostile markup, say).
 */
async function routeArxiv(page, extra) {
  const cache = new Map();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    // data:, blob: and moz-extension: URLs never reach the network.
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return void answer(request.continue());
    const response = arxivResponse(url, { cache, extra });
    if (!response) return void answer(request.abort('blockedbyclient'));
    const { status, contentType, body, headers } = response;
    return void answer(request.respond({ status, contentType, body, headers }));
  });
}

/**
 * A request still waiting when the session closes (a late MathJax or stylesheet fetch) has no
 * one left to answer, so its TargetCloseError is expected; any other failure still fails the test.
 */
function answer(reply) {
  reply.catch((error) => {
    if (error?.name !== 'TargetCloseError') throw error;
  });
}

/**
 * Launches headless Firefox ESR with a fresh profile and installs the built add-on as a
 * temporary add-on (no signing needed). Downloads land in a directory of their own without a
 * dialog. One session per test file; `fresh()` gives each test an empty store. `extra` serves
 * pages of the test's own at arXiv paths (see `routeArxiv`); `build: 'reader'` installs the
 * reader's build instead of the test build; `prefs` sets Firefox preferences over these.
 */
export async function launchFirefox({ extra = {}, build = 'test', prefs = {} } = {}) {
  const addon = build === 'reader' ? READER_FIREFOX_BUILD : FIREFOX_BUILD;
  if (!existsSync(join(addon, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${addon}: run \`npm run build\` and \`npm run build:test\` first.`);
  }
  const downloads = mkdtempSync(join(tmpdir(), 'sift-firefox-downloads-'));
  // BiDi interception does not see the background's requests, so arXiv's API is a local proxy
  // (scripts/api-proxy.mjs) answering from the same fixtures, with its own certificate.
  const arxivApi = await startApiProxy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Wide enough that the toolbar shows every control in one row instead of folding some into
    // "More" (it needs about 1,700 px), as on a full-HD desktop window; the folding itself is
    // tested in Chromium (tests/e2e/bulk.spec.ts).
    defaultViewport: { width: 1920, height: 900 },
    protocolTimeout: 30_000,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': arxivApi.pacUrl,
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // Lets the test read back what "Copy" put on the clipboard without a paste prompt.
      'dom.events.testing.asyncClipboard': true,
      // A test that needs Firefox's own clipboard rules turns the one above off.
      ...prefs,
    },
  });
  let installed = await browser.installExtension(addon);
  assert.equal(installed, ADDON_ID);

  async function newPage() {
    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await routeArxiv(page, extra);
    return page;
  }

  return {
    browser,
    downloads,
    newPage,
    /** arXiv's API as the background sees it: `requests` records each one's time and ids. */
    arxivApi,

    /**
     * Closes every tab and reinstalls the add-on. A temporary add-on gets a new internal UUID on
     * each install, hence a new extension origin and an empty IndexedDB: the next test starts
     * from nothing, as with a fresh profile, without the ~5 s of a new Firefox.
     */
    async fresh() {
      const pages = await browser.pages();
      const page = await newPage();
      for (const old of pages) await old.close();
      await browser.uninstallExtension(installed);
      installed = await browser.installExtension(addon);
      for (const file of readdirSync(downloads)) rmSync(join(downloads, file), { force: true });
      return page;
    },

    /**
     * The tab showing the extension page `path` (`/reading-list.html`). Puppeteer reports
     * moz-extension tabs as about:blank, so each tab is asked where it is.
     */
    async extensionPage(path) {
      const deadline = Date.now() + WAIT_MS;
      while (Date.now() < deadline) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith('moz-extension://') && new URL(href).pathname === path) {
            page.setDefaultTimeout(WAIT_MS);
            return page;
          }
        }
        await sleep(100);
      }
      throw new Error(`no tab shows ${path}`);
    },

    /** Waits for a finished download named like `pattern` and returns its name and text. */
    async download(pattern) {
      const deadline = Date.now() + WAIT_MS;
      while (Date.now() < deadline) {
        const files = readdirSync(downloads);
        const done = files.find((file) => pattern.test(file));
        if (done && !files.some((file) => file.endsWith('.part'))) {
          const text = readFileSync(join(downloads, done), 'utf8');
          rmSync(join(downloads, done));
          return { name: done, text };
        }
        await sleep(100);
      }
      throw new Error(`no download matching ${pattern} in ${downloads}: ${readdirSync(downloads).join(', ') || 'empty'}`);
    },

    async close() {
      await browser.close();
      await arxivApi.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** The selector of an element by ARIA role and exact accessible name (puppeteer's ARIA engine). */
export function byRole(role, name) {
  return `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

/**
 * Scrolls `element` to the middle of the viewport and waits until it stays there, uncovered:
 * the sticky toolbar and late layout (fonts, the collapsed line of a hidden entry) can move or
 * cover it right after the jump, and a click or screenshot taken then misses.
 */
async function settleInView(element, what) {
  await eventually(
    () =>
      element.evaluate(async (node) => {
        node.scrollIntoView({ block: 'center' });
        const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
        await frame();
        const before = node.getBoundingClientRect();
        await new Promise((done) => setTimeout(done, 100));
        await frame();
        const box = node.getBoundingClientRect();
        const still = box.top === before.top && box.left === before.left;
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return still && (hit === node || node.contains(hit));
      }),
    true,
    { message: `${what} settles in view` },
  );
}

/** An augmented arXiv listing in one tab: the Firefox twin of tests/e2e/pages/listing.ts. */
export class Listing {
  constructor(page) {
    this.page = page;
  }

  async open(path = SEED) {
    await this.page.goto(`https://arxiv.org${path}`);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /** Waits until Sift has attached to the page and loaded the annotations. */
  async ready() {
    await this.page.waitForSelector('html[data-sift-ready]');
  }

  /** Clicks paper `id`'s control `name` the way a reader does: once it shows, still, on screen. */
  async click(id, name) {
    const button = await this.page.waitForSelector(`[data-sift-entry="${id}"] ${byRole('button', name)}`);
    await settleInView(button, `the ${name} control of ${id}`);
    await button.click();
  }

  /** `aria-pressed` of every control named `name` on the page, in page order. */
  pressedStates(name) {
    return this.page.$$eval(byRole('button', name), (buttons) => buttons.map((button) => button.getAttribute('aria-pressed')));
  }

  /** `aria-pressed` of paper `id`'s control `name`. */
  async pressed(id, name) {
    const handle = await this.page.$(`[data-sift-entry="${id}"] ${byRole('button', name)}`);
    assert.ok(handle, `paper ${id} has no ${name} control`);
    return handle.evaluate((button) => button.getAttribute('aria-pressed'));
  }

  /** The tag chips shown on paper `id`, read inside each chip box's shadow root (open in the test build). */
  chips(id) {
    return this.page.evaluate(
      (id) =>
        [...document.querySelectorAll(`[data-sift-entry="${id}"] .sift-chips`)]
          .flatMap((box) => [...(box.shadowRoot?.querySelectorAll('[role="listitem"]') ?? [])])
          .map((chip) => chip.textContent.trim()),
      id,
    );
  }

  /** Ids of the entries a reader can see now (not filtered out, not collapsed by a hide). */
  visibleIds() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('dt[data-sift-entry], li[data-sift-entry]')]
        .filter((node) => node.offsetParent !== null)
        .map((node) => node.getAttribute('data-sift-entry')),
    );
  }

  /** Ids whose abstract block (`dd`) shows: a hidden entry keeps only its one-line `dt`. */
  expandedIds() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('dd[data-sift-entry]')].filter((node) => node.offsetParent !== null).map((node) => node.getAttribute('data-sift-entry')),
    );
  }

  /**
   * The toolbar's contents as the reader sees them: each button's label, its count badge (if
   * any) and its pressed state, plus the tag counts. Read in one call: the toolbar sits in the
   * shadow root of `<sift-overlay>`.
   */
  toolbar() {
    return this.page.evaluate(() => {
      const bar = document.querySelector('sift-overlay')?.shadowRoot?.querySelector('[role="toolbar"][aria-label="Sift filters"]');
      if (!bar) return undefined;
      const badge = (node) => node.querySelector('.badge')?.textContent ?? null;
      const label = (node) => [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent).join('').trim();
      return {
        toggles: Object.fromEntries(
          [...bar.querySelectorAll('button[aria-pressed]')].map((button) => [label(button), { count: badge(button), pressed: button.getAttribute('aria-pressed') }]),
        ),
        tags: Object.fromEntries([...bar.querySelectorAll('.tag-count')].map((tag) => [label(tag), badge(tag)])),
      };
    });
  }

  /** Clicks the toolbar toggle whose label is `label` ("Only starred", "Hide cross-lists", …). */
  async toggle(label) {
    const button = await this.page.evaluateHandle((label) => {
      const bar = document.querySelector('sift-overlay')?.shadowRoot?.querySelector('[role="toolbar"]');
      return [...(bar?.querySelectorAll('button[aria-pressed]') ?? [])].find((button) => button.firstChild?.textContent?.trim() === label);
    }, label);
    const element = button.asElement();
    assert.ok(element, `no toolbar toggle "${label}"`);
    await element.click();
  }

  /** An element of the overlay (toolbar or an open dialog) by role and accessible name. */
  overlay(role, name) {
    return this.page.locator(`sift-overlay >>> ${byRole(role, name)}`);
  }

  /** Clicks a toolbar button, opening "More" first when the toolbar folded it there on a narrow window. */
  async clickToolbarButton(name) {
    const visible = await this.page.evaluate((label) => {
      const root = document.querySelector('sift-overlay')?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === label);
      return Boolean(button && button.offsetParent !== null);
    }, name);
    if (!visible) await this.overlay('button', 'More ▾').click();
    await this.overlay('button', name).click();
  }

  /** Names of the overlay's open dialogs (`<dialog open aria-label>` in the shadow root). */
  openDialogs() {
    return this.page.evaluate(() =>
      [...(document.querySelector('sift-overlay')?.shadowRoot?.querySelectorAll('dialog[open]') ?? [])].map((dialog) => dialog.getAttribute('aria-label')),
    );
  }

  /**
   * How many pixels of the element at `selector` show a rule colour's tint over the page's white
   * (`#ffe066` at 35% is about rgb(255, 244, 201)): what a reader sees of a highlight, which no
   * DOM or CSSOM read can tell. The screenshot is decoded by a canvas in the page.
   */
  async tintedPixels(selector) {
    const element = await this.page.$(selector);
    assert.ok(element, `nothing matches ${selector}`);
    await settleInView(element, selector);
    const png = await element.screenshot({ encoding: 'base64' });
    return this.page.evaluate(async (png) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let tinted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (r > 230 && g > 215 && b < 225 && r - b > 30) tinted += 1;
      }
      return tinted;
    }, png);
  }

  /** Adds `tag` to paper `id` through the tag picker, as a reader does: type, Enter, Close. */
  async addTag(id, tag) {
    await this.click(id, 'Tags');
    await this.overlay('textbox', 'Find or create a tag').fill(tag);
    await this.page.keyboard.press('Enter');
    await this.overlay('checkbox', tag).wait();
    await eventually(
      () => this.page.$eval(`sift-overlay >>> ${byRole('checkbox', tag)}`, (box) => box.checked),
      true,
    );
    await this.overlay('button', 'Close').click();
    await eventually(() => this.openDialogs(), []);
  }

  /** Writes a note on paper `id` through the note editor. */
  async writeNote(id, text) {
    await this.click(id, 'Note');
    await this.overlay('textbox', 'Note').fill(text);
    await this.overlay('button', 'Save note').click();
    await eventually(() => this.openDialogs(), []);
  }
}
