// `npm run build:test`: the build the browser tests drive, in .output-test (or $SIFT_OUT_DIR): the
// reader's build with open shadow roots, since Playwright's locators and the Firefox harness cannot
// enter closed ones (lib/overlay/shadow-mode.ts). `--chrome` builds Chromium's alone.
import { execSync } from 'node:child_process';

const env = { ...process.env, SIFT_OUT_DIR: process.env.SIFT_OUT_DIR ?? '.output-test', WXT_SIFT_OPEN_SHADOW_ROOTS: 'true' };
const browsers = process.argv.includes('--chrome') ? ['chrome'] : ['chrome', 'firefox'];
for (const browser of browsers) execSync(`npx wxt build -b ${browser}`, { stdio: 'inherit', env });
