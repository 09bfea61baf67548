// `npm run test:firefox`: the Firefox ESR suite in tests/firefox with node's own test runner.
// Files run one after another (each starts one Firefox; the machines have 2 cores). The spec
// report goes to the terminal, a TAP copy to .cache/test-reports/firefox.tap for scripts/test.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { findFirefox } from './browsers.mjs';

const REPORTS = '.cache/test-reports';
mkdirSync(REPORTS, { recursive: true });
console.log(`[sift] firefox: ${findFirefox()}`);

const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--test-timeout=120000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${REPORTS}/firefox.tap`,
    'tests/firefox/',
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
