// `npm test`: the whole suite in the order a newcomer needs it: type-check, build the extension
// (the end-to-end tests load the built one), unit and DOM tests, then the browser tests. Each
// runner prints its own summary; the last line adds them up in the plain form CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const reports = '.cache/test-reports';
mkdirSync(reports, { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n[sift] ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const steps = [
  () => run('type-check', 'npx', ['tsc', '--noEmit']),
  () => run('build', 'npm', ['run', 'build', '--silent']),
  () => run('unit and DOM tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]),
  () => run('browser tests (chromium)', 'npm', ['run', 'test:e2e', '--silent'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` }),
];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}

const vitest = readJson(`${reports}/vitest.json`);
const playwright = readJson(`${reports}/playwright.json`);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
