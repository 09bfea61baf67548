// `npm run bench`: builds the extension, bundles the benchmark (bench/run.ts for Node, bench/probe.ts
// for the page) with the esbuild that Vite brings along, and runs it. The report goes to
// bench/report.json (or `--out <file>`).
//   --smoke      every measurement once or twice at 100 entries with a small store (harness check)
//   --no-build   use the extensions already built in .output and .output-test (or $SIFT_OUT_DIR)
//   --sizes 100,500,2000   --runs 5
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { i18nEsbuildPlugin } from './i18n-catalogue.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.cache', 'bench');
const argv = process.argv.slice(2);

// The reader's build, whose files the size figures weigh, and the test build the pages are driven
// in (its one difference, open shadow roots, lets the bench reach the toolbar's buttons).
if (!argv.includes('--no-build')) {
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  execSync('node scripts/build-test.mjs --chrome', { cwd: ROOT, stdio: 'inherit' });
}
mkdirSync(OUT, { recursive: true });

// scripts/*.mjs find the build and the fixtures relative to their own file: keep them as they are,
// imported from where they live, instead of copying them into the bundle.
const keepScripts = {
  name: 'keep-scripts',
  setup(builder) {
    builder.onResolve({ filter: /\/scripts\/[\w.-]+\.mjs$/ }, (args) => ({
      path: pathToFileURL(resolve(args.resolveDir, args.path)).href,
      external: true,
    }));
  },
};

const common = { bundle: true, absWorkingDir: ROOT, tsconfig: join(ROOT, 'tsconfig.json'), logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  build({
    ...common,
    entryPoints: ['bench/run.ts'],
    outfile: join(OUT, 'run.mjs'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@playwright/test', 'playwright', 'playwright-core'],
    plugins: [keepScripts, i18nEsbuildPlugin(ROOT)],
  }),
  build({ ...common, entryPoints: ['bench/probe.ts'], outfile: join(OUT, 'probe.js'), platform: 'browser', format: 'iife', target: 'chrome120', plugins: [i18nEsbuildPlugin(ROOT)] }),
]);

const { runBench } = await import(pathToFileURL(join(OUT, 'run.mjs')).href);
await runBench(argv, ROOT);
