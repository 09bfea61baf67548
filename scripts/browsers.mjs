// Browser discovery for tests, the demo and the benchmark, in one place. Playwright never
// downloads browsers here (the machines reach only the npm registry and Debian's packages), so we
// drive the system's Chromium and Firefox ESR.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function aptInstall(pkg) {
  console.log(`[sift] installing ${pkg} with apt-get (Debian package; Playwright cannot download browsers here)`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function find(envVar, candidates) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist`);
    return fromEnv;
  }
  return candidates.find((path) => existsSync(path));
}

function findOrInstall(envVar, candidates, debianPackage, { install = true } = {}) {
  const found = find(envVar, candidates);
  if (found) return found;
  if (install && isDebianLike() && isRoot()) {
    aptInstall(debianPackage);
    const installed = find(envVar, candidates);
    if (installed) return installed;
  }
  const how = isDebianLike()
    ? `sudo apt-get update && sudo apt-get install -y ${debianPackage}`
    : `install ${debianPackage} from your system's package manager`;
  throw new Error(`No ${debianPackage} found. Set ${envVar} to its executable, or run: ${how}`);
}

/** Path of a Chromium-family browser: CHROME_PATH, /usr/bin/chromium, then the usual places. */
export function findChromium(options) {
  return findOrInstall('CHROME_PATH', CHROMIUM_CANDIDATES, 'chromium', options);
}

/** Path of Firefox (ESR preferred): FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox. */
export function findFirefox(options) {
  return findOrInstall('FIREFOX_PATH', FIREFOX_CANDIDATES, 'firefox-esr', options);
}
