// `npm run setup`: dependencies from npm, browsers from the system's package manager (Playwright
// cannot download its own here). Safe to run again: it installs only what is missing.
import { execSync } from 'node:child_process';
import { findChromium, findFirefox } from './browsers.mjs';

execSync('npm install', { stdio: 'inherit' });
console.log(`[sift] chromium: ${findChromium()}`);
console.log(`[sift] firefox: ${findFirefox()}`);
