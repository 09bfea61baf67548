// `npm run icons`: renders the SVG icons in assets/ to the PNGs the manifests and stores use, in
// public/icon/ (committed, so a build needs no renderer). Rendered by the Chromium the tests use,
// which is on every machine that runs them; the SVG's viewBox is the 96-pixel artwork.
//   <size>.png          16, 32, 48: the artwork filling the square, for toolbars and menus
//   128.png             the Chrome Web Store's icon: 96-pixel artwork centred in 16 pixels of
//                       transparent padding (developer.chrome.com, "Supplying images")
//   <size>-on-dark.png  the same from icon-dark.svg, for Firefox's dark themes (theme_icons)
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium } from './browsers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}public/icon/`;
/** Output size → artwork size; the rest is transparent padding. */
const SIZES = [
  [16, 16],
  [32, 32],
  [48, 48],
  [128, 96],
];
const VARIANTS = [
  ['icon.svg', ''],
  ['icon-dark.svg', '-on-dark'],
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [source, suffix] of VARIANTS) {
  const svg = readFileSync(`${ROOT}assets/${source}`, 'utf8');
  for (const [size, art] of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const pad = (size - art) / 2;
    // As an <img>, so the SVG renders as a picture (no page styles reach into it).
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block;margin:${pad}px;width:${art}px;height:${art}px}</style><img src="${src}" alt="">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const file = `${OUT}${size}${suffix}.png`;
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`[icons] ${file.slice(ROOT.length)}`);
  }
}
await browser.close();
