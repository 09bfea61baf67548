// `npm run screenshots`: the store images in store/screenshots/, taken from scripted scenes on
// the built extension in Chromium, with arXiv answered from the fixtures (arXiv's own stylesheets,
// MathJax 2.7.3 typesetting), so every picture shows arXiv as it looks:
//   1-listing.png       stars, tags and rule highlights on the cs.DC listing      1280×800
//   2-rules.png         the highlight rules dialog                                1280×800
//   3-reading-list.png  the reading list, a paper open, BibTeX export chosen      1280×800
//   4-dark.png          the reading list in the dark scheme                       1280×800
//   5-narrow.png        the listing in a 420-pixel window, shown on a plain stage 1280×800
//   6-first-run.png     the page a new install opens                              1280×800
//   promo-440x280.png   the Chrome Web Store's small promo tile                    440×280
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from './launch.mjs';
import { routeArxiv } from './arxiv-routes.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}store/screenshots/`;
const STORE = { width: 1280, height: 800 };
const LISTING = 'https://arxiv.org/list/cs.DC/new';
const FEDERATED = '2602.22290';
const GETBATCH = '2602.22434';
const PRIVACY = '2602.22633';
const ADAPTBF = '2602.22409';

// The test build: its open shadow roots let the scenes open dialogs by role.
if (!process.argv.includes('--no-build')) execSync('node scripts/build-test.mjs --chrome', { cwd: ROOT, stdio: 'inherit' });
mkdirSync(OUT, { recursive: true });

const { context, extensionId } = await launchWithExtension({ viewport: STORE });
await routeArxiv(context);
await context.route(`chrome-extension://${extensionId}/**`, (route) => route.continue());
const extensionPage = (path) => `chrome-extension://${extensionId}/${path}`;

async function shoot(page, file) {
  await page.screenshot({ path: `${OUT}${file}` });
  console.log(`[screenshots] store/screenshots/${file}`);
}

/** Waits for Sift and for MathJax's first typesetting pass, so the page is what a reader sees. */
async function openListing(page, url = LISTING) {
  await page.goto(url);
  await page.locator('html[data-sift-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction(() => new Promise((done) => window.MathJax?.Hub?.Register?.StartupHook('End', () => done(true)) ?? done(true)), null, {
    timeout: 15_000,
  });
}

/** Rules through the background, as the rules dialog sends them. */
async function addRules(rules) {
  const page = await context.newPage();
  await page.goto(extensionPage('options.html'));
  await page.evaluate(async (rules) => {
    for (const [index, { pattern, mode, fields, color }] of rules.entries()) {
      const rule = { id: `rule-${index}`, pattern, mode, fields, caseSensitive: false, diacriticSensitive: false, color, action: 'highlight', enabled: true, createdAt: index, updatedAt: index };
      const answer = await chrome.runtime.sendMessage({ type: 'rules.upsert', data: { rule } });
      if (!answer?.ok) throw new Error(`rules.upsert: ${answer?.error ?? 'no answer'}`);
    }
  }, rules);
  await page.close();
}

async function star(page, id) {
  await page.locator(`[data-sift-entry="${id}"]`).first().getByRole('button', { name: 'Star', exact: true }).click();
  await page.locator(`[data-sift-entry="${id}"] button.sift-star[aria-pressed="true"]`).first().waitFor();
}

async function tag(page, id, name) {
  await page.locator(`[data-sift-entry="${id}"]`).first().getByRole('button', { name: 'Tags', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  await dialog.getByRole('textbox', { name: 'Find or create a tag' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Find or create a tag' }).press('Enter');
  await dialog.getByRole('checkbox', { name }).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Scrolls so the toolbar sits at the top, the way a reader starts on a listing. */
async function toToolbar(page) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    const top = document.querySelector('sift-overlay')?.getBoundingClientRect().top ?? 0;
    window.scrollTo(0, top - 4);
  });
}

// The install opened the first-run page; it is a scene of its own.
const welcome = context.pages().find((page) => page.url() === extensionPage('welcome.html')) ?? (await context.newPage());
await welcome.goto(extensionPage('welcome.html'));
await welcome.setViewportSize(STORE);
await welcome.getByRole('combobox', { name: 'Your category' }).waitFor();
await welcome.getByRole('img', { name: /An arXiv listing with Sift/ }).evaluate((img) => img.decode());
await shoot(welcome, '6-first-run.png');
await welcome.close();

await addRules([
  { pattern: 'federated', mode: 'word', fields: ['title', 'abstract'], color: '#ffe066' },
  { pattern: 'Zelasko', mode: 'word', fields: ['authors'], color: '#a5d8ff' },
]);
const listing = context.pages()[0] ?? (await context.newPage());
// In front: Chromium draws a tab behind another one at a frame a second, and a shot of it can
// catch a half-drawn page.
await listing.bringToFront();
await openListing(listing);
await star(listing, FEDERATED);
await star(listing, GETBATCH);
await tag(listing, FEDERATED, 'federated');
await tag(listing, PRIVACY, 'to read');
await tag(listing, ADAPTBF, 'storage');
await toToolbar(listing);
await shoot(listing, '1-listing.png');

await listing.getByRole('toolbar', { name: 'Sift filters' }).getByRole('button', { name: 'Rules' }).click();
await listing.getByRole('dialog', { name: 'Highlight rules' }).waitFor();
await shoot(listing, '2-rules.png');
await listing.keyboard.press('Escape');

const list = await context.newPage();
await list.goto(extensionPage('reading-list.html'));
await list.getByRole('heading', { name: 'Sift reading list' }).waitFor();
await list.getByRole('button', { name: /^Energy Efficient Federated Learning/ }).click();
await list.getByRole('combobox', { name: 'Export format' }).selectOption({ label: 'BibTeX' });
await shoot(list, '3-reading-list.png');
await list.emulateMedia({ colorScheme: 'dark' });
await shoot(list, '4-dark.png');
await list.close();

// A narrow window: the listing at 420 pixels, set on a plain 1280×800 stage for the stores.
const narrow = await context.newPage();
await narrow.setViewportSize({ width: 420, height: 760 });
await openListing(narrow);
await toToolbar(narrow);
const narrowShot = await narrow.screenshot();
await narrow.close();
const icon = readFileSync(`${ROOT}public/icon/128.png`).toString('base64');
const stage = await context.newPage();
await stage.setViewportSize(STORE);
await stage.setContent(
  `<body style="margin:0;height:800px;display:flex;align-items:center;justify-content:center;gap:56px;background:#f7f7f5;font:18px/1.45 'Lucida Grande',Helvetica,Arial,sans-serif;color:#1f1f1f">
    <img alt="" style="width:420px;height:760px;border:1px solid #d6d6d6;box-shadow:0 6px 24px rgba(0,0,0,.18)" src="data:image/png;base64,${narrowShot.toString('base64')}">
    <div style="max-width:420px"><img alt="" width="64" height="64" src="data:image/png;base64,${icon}">
      <h1 style="font-size:30px;margin:12px 0">Fits a narrow window</h1>
      <p>The toolbar folds what does not fit into More, the controls stay beside each entry, and every key works the same.</p></div></body>`,
);
await shoot(stage, '5-narrow.png');

await stage.setViewportSize({ width: 440, height: 280 });
await stage.setContent(
  `<body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:20px;padding:0 28px;box-sizing:border-box;background:#f7f7f5;border-bottom:8px solid #b31b1b;color:#1f1f1f;font:17px/1.4 'Lucida Grande',Helvetica,Arial,sans-serif">
    <img alt="" width="128" height="128" src="data:image/png;base64,${icon}">
    <div><div style="font-size:30px;font-weight:bold;line-height:1.1;color:#b31b1b">Sift for arXiv</div>
      <p style="margin:10px 0 0">Star, tag, hide and highlight the day's papers. Export a reading list.</p></div></body>`,
);
await shoot(stage, 'promo-440x280.png');
await context.close();
