// `npm test`: the whole suite in the order a newcomer needs it: type-check, build the extension
// (the reader's build, and the test build with open shadow roots the end-to-end tests drive), lint the Firefox build as addons.mozilla.org does,
// unit and DOM tests, the browser tests in Chromium and in Firefox ESR, then the check that the
// AMO sources archive rebuilds the add-on byte for byte. Each
// runner prints its own summary; the last line adds them up in the plain form CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const reports = '.cache/test-reports';
// A report left by an earlier run must not be counted as this run's.
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n[sift] ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

// A failed gate (type-check, build) stops the run: what follows needs it. The checks after it all
// run, so one run reports a regression in Chromium and in Firefox alike.
const steps = [
  { gate: true, run: () => run('type-check', 'npx', ['tsc', '--noEmit']) },
  { gate: true, run: () => run('import cycles', 'node', ['scripts/check-cycles.mjs']) },
  { gate: true, run: () => run('build', 'npm', ['run', 'build', '--silent']) },
  { gate: true, run: () => run('test build (open shadow roots)', 'npm', ['run', 'build:test', '--silent']) },
  { run: () => run('web-ext lint (firefox build)', 'npm', ['run', 'lint:firefox', '--silent']) },
  { run: () => run('unit and DOM tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]) },
  { run: () => run('browser tests (chromium)', 'npm', ['run', 'test:e2e', '--silent'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` }) },
  { run: () => run('browser tests (firefox)', 'npm', ['run', 'test:firefox', '--silent']) },
  {
    run: () =>
      run('reproducible build (AMO sources archive)', 'node', [
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${reports}/reproducible.tap`,
        'tests/build/',
      ]),
  },
];

let ok = true;
for (const step of steps) {
  if (step.run()) continue;
  ok = false;
  if (step.gate) break;
}

/** Pass and fail counts from the summary lines of a TAP report (`# pass 9`, `# fail 0`). */
function readTap(path) {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') };
}

const vitest = readJson(`${reports}/vitest.json`);
const playwright = readJson(`${reports}/playwright.json`);
const firefox = readTap(`${reports}/firefox.tap`);
const reproducible = readTap(`${reports}/reproducible.tap`);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (firefox?.passed ?? 0) + (reproducible?.passed ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0) + (firefox?.failed ?? 0) + (reproducible?.failed ?? 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
