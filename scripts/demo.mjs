// `npm run demo`: builds Sift, opens Chromium with it on a bundled snapshot of a real arXiv listing
// (served to https://arxiv.org/list/cs.DC/new by request routing, so it works offline, with arXiv's
// own stylesheets and MathJax 2.7.3 typesetting as on the live site), stars two papers and writes
// screenshots to demo/. Headless when there is no display.
// `npm run demo -- --live` opens the real arxiv.org instead.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { READER_BUILD, launchWithExtension } from './launch.mjs';
import { routeArxiv } from './arxiv-routes.mjs';

const live = process.argv.includes('--live');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const LISTING = 'https://arxiv.org/list/cs.DC/new';

execSync('npx wxt build', { stdio: 'inherit' });
mkdirSync('demo', { recursive: true });

const { context } = await launchWithExtension({ headless, extensionPath: READER_BUILD, viewport: { width: 1280, height: 1000 } });
if (!live) await routeArxiv(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(LISTING);
await page.locator('html[data-sift-ready]').waitFor({ state: 'attached', timeout: 30_000 });
await typeset(page);
await page.screenshot({ path: 'demo/listing.png' });

if (!live) {
  const stars = page.getByRole('button', { name: 'Star', exact: true });
  for (const index of [0, 2]) {
    await stars.nth(index).click();
    await page.waitForFunction((i) => document.querySelectorAll('button.sift-star')[i]?.getAttribute('aria-pressed') === 'true', index);
  }
  // The toolbar is sticky: measure where it sits in the flow from the top, then scroll it there.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    const top = document.querySelector('sift-overlay')?.getBoundingClientRect().top ?? 0;
    window.scrollTo(0, top - 4);
  });
  await page.screenshot({ path: 'demo/screenshot.png' });
  console.log('[sift] starred two papers; screenshots in demo/listing.png and demo/screenshot.png');
}

/**
 * Waits for MathJax's first typesetting pass (its `End` startup signal), so a screenshot shows the
 * page as a reader does; gives up after a while, since a live page may have MathJax switched off.
 */
async function typeset(page) {
  await page
    .waitForFunction(
      () =>
        new Promise((done) => {
          const hub = window.MathJax?.Hub;
          if (hub?.Register) hub.Register.StartupHook('End', () => done(true));
          else done(false);
        }),
      null,
      { timeout: 15_000 },
    )
    .catch(() => console.log('[sift] MathJax did not finish typesetting; screenshots show the TeX'));
}

if (headless) {
  await context.close();
} else {
  console.log('[sift] the browser stays open; close it to end the demo');
  await new Promise((resolve) => context.on('close', resolve));
}
