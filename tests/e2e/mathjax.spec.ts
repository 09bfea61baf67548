import './support/node-i18n'; // first: lib modules below read browser.i18n when evaluated
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { FIXTURES_DIR } from '../../scripts/arxiv-routes.mjs';
import { makeListing } from '../fixtures/make-listing';
import { TYPESET_WAIT_RANGES } from '../../lib/highlight/typesetting';
import { test, expect } from './fixtures';
import { ListingPage, type PaintedRange } from './pages/listing';
import { typeset } from './support/mathjax';

// arXiv's pages load MathJax 2.7.3 through `mathjaxToggle()` and typeset after load; these tests
// run it for real (the fixtures' own loader, the `mathjax` package served at static.arxiv.org).
const TEX_LISTING = '/list/math.CO/new';
const TEX_ABS = '/abs/2603.01234';
const SEARCH = '/search/?query=distributed&searchtype=all';
const MATHJAX = 'https://static.arxiv.org/MathJax-2.7.3/**';

const SEPARATOR = '2603.01234'; // $\tilde O(D)$ in the title, \log in comments and abstract, "log time"
const COLOURINGS = '2603.01301'; // "log-concavity", \log in display math
const DISCREPANCY = '2603.01377'; // "the tilde hides", \tilde\Omega in math
const INDEPENDENT_SETS = '2603.01455'; // "the extra log factor"
const CHI_BOUNDED = '2603.00987'; // \log only in math, in abstract and comments
const GLAUBER = '2603.01012'; // \tilde{\mu} only in math

interface RuleSpec {
  pattern: string;
  mode: 'phrase' | 'word';
}

const RULES: RuleSpec[] = [
  { pattern: 'log', mode: 'word' },
  { pattern: 'tilde', mode: 'word' },
  { pattern: 'separator', mode: 'phrase' },
];

/** What the reader sees matched on the TeX listing: the words outside math, never a command name. */
const LISTING_PAINT = ['Separator', 'log', 'log', 'log', 'separator', 'separator', 'separator', 'separator', 'separator', 'tilde'];
const LISTING_MATCHING = [SEPARATOR, COLOURINGS, DISCREPANCY, INDEPENDENT_SETS];

/** Adds highlight rules through the background, as the rules panel sends them. */
async function addRules(openExtensionPage: (path: string) => Promise<Page>, rules: readonly RuleSpec[], first = 0) {
  const options = await openExtensionPage('options.html');
  await options.evaluate(
    async ({ rules, first }) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok?: boolean; error?: string }> } } }).chrome.runtime;
      for (const [index, { pattern, mode }] of rules.entries()) {
        const rule = {
          id: `rule-${first + index}`,
          pattern,
          mode,
          fields: ['title', 'abstract', 'authors', 'comments', 'subjects'],
          caseSensitive: false,
          diacriticSensitive: false,
          color: '#ffe066',
          action: 'highlight',
          enabled: true,
          createdAt: 0,
          updatedAt: 0,
        };
        const answer = await runtime.sendMessage({ type: 'rules.upsert', data: { rule } });
        if (!answer?.ok) throw new Error(`rules.upsert: ${answer?.error ?? 'no answer'}`);
      }
    },
    { rules, first },
  );
  await options.close();
}

test.beforeEach(async ({ openExtensionPage }) => {
  await addRules(openExtensionPage, RULES);
});

/**
 * Records, from the page's next navigation, each time one of Sift's style elements is given the
 * very text it already had, in `window.siftTestUnchangedStyleWrites`.
 */
async function recordUnchangedStyleWrites(page: Page) {
  await page.addInitScript(() => {
    const unchanged: string[] = [];
    Object.assign(window, { siftTestUnchangedStyleWrites: unchanged });
    const textOf = (nodes: NodeList) => [...nodes].map((node) => node.textContent).join('');
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (target.localName !== 'style' || !target.hasAttribute('data-sift-ui')) continue;
        const before = textOf(record.removedNodes);
        if (before !== '' && before === textOf(record.addedNodes)) unchanged.push(before.slice(0, 80));
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** Every registered highlight range, read from the page's own `CSS.highlights`. */
function paintedRanges(page: Page): Promise<PaintedRange[]> {
  return new ListingPage(page).paintedRanges();
}

async function paintedWords(page: Page): Promise<string[]> {
  const ranges = await paintedRanges(page);
  return ranges.map((range) => (range.inBounds ? range.text : '<out of bounds>')).sort();
}

/** Ids of the entries that carry the "matches a rule" mark. */
function matchedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.querySelectorAll('[data-sift-match]')].map((node) => node.getAttribute('data-sift-entry')!))]);
}

test('after MathJax typesets, every highlight range is in bounds and paints the word the reader sees', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(TEX_LISTING);
  await typeset(page);
  expect(await page.locator('.MathJax, .MathJax_Display').count()).toBeGreaterThan(40);
  await expect.poll(() => paintedWords(page)).toEqual(LISTING_PAINT);
  // Typesetting is done; a later look finds the same paint (no repaint left half-way).
  await page.waitForTimeout(300);
  expect(await paintedWords(page)).toEqual(LISTING_PAINT);
});

test('"Only matching" counts the entries whose match the reader can see, never a TeX command name', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(TEX_LISTING);
  await typeset(page);
  await expect(listing.toggle(/Only matching/)).toContainText(String(LISTING_MATCHING.length));
  expect((await matchedIds(page)).sort()).toEqual([...LISTING_MATCHING].sort());
  await listing.toggle(/Only matching/).click();
  expect((await listing.visibleIds()).sort()).toEqual([...LISTING_MATCHING].sort());
  expect(await listing.visibleIds()).not.toContain(CHI_BOUNDED);
  expect(await listing.visibleIds()).not.toContain(GLAUBER);
});

test('stars and hides made before MathJax arrives survive its typesetting, and the controls keep working', async ({ page, context }) => {
  // Hold MathJax back until the reader has starred and hidden, then let it typeset under them.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route('https://static.arxiv.org/MathJax-2.7.3/MathJax.js', async (route: Route) => {
    await held;
    await route.fallback();
  });
  const listing = new ListingPage(page);
  // The held script holds the load event too.
  await page.goto(`https://arxiv.org${TEX_LISTING}`, { waitUntil: 'domcontentloaded' });
  await listing.ready();
  await listing.starOf(COLOURINGS).click();
  await listing.hideOf(DISCREPANCY).click();
  await expect(listing.starOf(COLOURINGS)).toHaveAttribute('aria-pressed', 'true');
  expect(await listing.expandedIds()).not.toContain(DISCREPANCY);
  expect(await page.locator('.MathJax').count()).toBe(0);

  release();
  await typeset(page);
  expect(await page.locator('.MathJax').count()).toBeGreaterThan(40);
  await expect(listing.starOf(COLOURINGS)).toHaveAttribute('aria-pressed', 'true');
  await expect(listing.hideOf(DISCREPANCY)).toHaveAttribute('aria-pressed', 'true');
  expect(await listing.expandedIds()).not.toContain(DISCREPANCY);
  await expect(listing.entry(DISCREPANCY)).toContainText('discrepancy');
  await expect(listing.starButtons).toHaveCount(8);

  await listing.starOf(SEPARATOR).click();
  await expect(listing.starOf(SEPARATOR)).toHaveAttribute('aria-pressed', 'true');
  await expect(listing.toggle(/Only starred/)).toContainText('2');
  // The hidden entry's "tilde" is painted too, ready for when it is shown again.
  await expect.poll(() => paintedWords(page)).toEqual(LISTING_PAINT);
});

for (const [how, block] of [
  ['blocked', (page: Page) => page.context().route(MATHJAX, (route) => route.abort('blockedbyclient'))],
  ['switched off with arXiv\'s cookie', (page: Page) => page.context().addCookies([{ name: 'arxiv_mathjax', value: 'disabled', domain: '.arxiv.org', path: '/' }])],
] as const) {
  test(`with MathJax ${how}, every control and highlight still works on the raw TeX`, async ({ page }) => {
    await block(page);
    const listing = new ListingPage(page);
    await listing.open(TEX_LISTING);
    await expect(listing.starButtons).toHaveCount(8);
    await expect(listing.toggle(/Only matching/)).toContainText(String(LISTING_MATCHING.length));
    await expect.poll(() => paintedWords(page)).toEqual(LISTING_PAINT);
    expect(await page.locator('.MathJax').count()).toBe(0);
    await expect(listing.entryNodes(SEPARATOR).last()).toContainText('$\\tilde O(D)$');
    await listing.starOf(SEPARATOR).click();
    await expect(listing.starOf(SEPARATOR)).toHaveAttribute('aria-pressed', 'true');
  });
}

for (const [kind, path, expected] of [
  ['abs page', TEX_ABS, ['Separator', 'log', 'separator', 'separator', 'separator', 'separator', 'separator']],
  ['search results', SEARCH, ['Separator', 'separator']],
] as const) {
  test(`${kind}: after typesetting, highlights stay in bounds and off TeX commands`, async ({ page }) => {
    const listing = new ListingPage(page);
    await listing.open(path);
    await typeset(page);
    expect(await page.locator('.MathJax').count()).toBeGreaterThan(0);
    await expect.poll(() => paintedWords(page)).toEqual(expected);
  });
}

test('on a long listing, many highlights wait for MathJax to finish while the matches already count', async ({ page, context, openExtensionPage }) => {
  // 180 entries of the seed listing, where "the" is painted some 1,100 times: few enough entries
  // that the whole listing is painted, not only the entries around the screen (paint-window.ts).
  const path = '/list/cs.DC/new?show=180';
  const html = makeListing(readFileSync(join(FIXTURES_DIR, 'list-new-cs.DC-2026-02-27.html'), 'utf8'), 180);
  await context.route(`https://arxiv.org${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await addRules(openExtensionPage, [{ pattern: 'the', mode: 'word' }], RULES.length);
  // Stall MathJax right after tex2jax has rewritten the text: it fetches the TeX input jax then.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route('https://static.arxiv.org/MathJax-2.7.3/jax/input/TeX/jax.js', async (route: Route) => {
    await held;
    await route.fallback();
  });
  const listing = new ListingPage(page);
  await page.goto(`https://arxiv.org${path}`, { waitUntil: 'domcontentloaded' });
  await listing.ready();
  // tex2jax has rewritten the text once math scripts are in the page. Until then, a MathJax that
  // starts over 2 s after the page's load (a loaded machine) may find ranges already painted,
  // which its rewrite takes down again.
  await expect.poll(() => page.locator('script[type^="math/tex"]').count()).toBeGreaterThan(0);
  await expect
    .poll(async () => ({ matched: (await matchedIds(page)).length > 100, registered: await page.evaluate(() => CSS.highlights.size) }))
    .toEqual({ matched: true, registered: 0 });

  release();
  await typeset(page);
  await expect.poll(async () => (await paintedRanges(page)).length).toBeGreaterThan(TYPESET_WAIT_RANGES);
  const words = new Set(['the', ...RULES.map((rule) => rule.pattern)]);
  expect((await paintedRanges(page)).filter((range) => !range.inBounds || !words.has(range.text.toLowerCase()))).toEqual([]);
});

test('on a 2,000-entry listing ranges are painted around the entries in view and follow a scroll, never writing their style sheet again unchanged; matching covers every entry', async ({ page, context, openExtensionPage }) => {
  const path = '/list/cs.DC/new?show=2000';
  const html = makeListing(readFileSync(join(FIXTURES_DIR, 'list-new-cs.DC-2026-02-27.html'), 'utf8'), 2000);
  await context.route(`https://arxiv.org${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await addRules(openExtensionPage, [{ pattern: 'the', mode: 'word' }], RULES.length);
  await recordUnchangedStyleWrites(page);
  const listing = new ListingPage(page);
  await listing.open(path);
  await page.bringToFront();
  /** The lowest and highest entry index (position among the listing's entries) holding a painted range. */
  const paintedSpan = () =>
    page.evaluate(() => {
      const position = new Map([...document.querySelectorAll('dt[data-sift-entry]')].map((dt, index) => [dt, index]));
      const indexOf = (node: Node) => {
        const entry = node.parentElement?.closest('dt[data-sift-entry], dd[data-sift-entry]');
        const dt = entry?.localName === 'dd' ? entry.previousElementSibling : entry;
        return (dt && position.get(dt)) ?? -1;
      };
      const indices = [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map((range) => indexOf(range.startContainer)));
      return indices.length === 0 ? undefined : { low: Math.min(...indices), high: Math.max(...indices) };
    });
  await expect.poll(async () => (await matchedIds(page)).length, { timeout: 30_000 }).toBeGreaterThan(1500);
  await expect.poll(paintedSpan, { timeout: 30_000 }).toMatchObject({ low: 0 });
  expect((await paintedSpan())!.high).toBeLessThan(200);

  await page.evaluate(() => document.querySelectorAll('dt[data-sift-entry]')[1500]!.scrollIntoView({ block: 'start' }));
  await expect.poll(async () => { const span = await paintedSpan(); return span !== undefined && span.low > 1300 && span.low <= 1500 && span.high >= 1500 && span.high < 1700; }, { timeout: 10_000 }).toBe(true);
  expect((await matchedIds(page)).length).toBeGreaterThan(1500);
  // Each such write recalculates the style of all 4,000 entry nodes: a long frame mid-scroll.
  await typeset(page);
  expect(await page.evaluate(() => (window as unknown as { siftTestUnchangedStyleWrites: string[] }).siftTestUnchangedStyleWrites)).toEqual([]);
});
