// Runs before the browser suites so a missing browser fails (or gets installed) with one clear
// message instead of a Playwright launch error deep inside the first test.
import { findChromium } from './browsers.mjs';

console.log(`[sift] chromium: ${findChromium()}`);
