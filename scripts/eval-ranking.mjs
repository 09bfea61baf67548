// `npm run eval:ranking -- --corpus FILE --users FILE [--out FILE]`: bundles bench/eval-ranking.ts
// with esbuild (as scripts/bench.mjs bundles bench/run.ts, so `@/lib/...` imports resolve through
// tsconfig.json) and runs it in this process.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { i18nEsbuildPlugin } from './i18n-catalogue.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.cache', 'eval-ranking');
mkdirSync(OUT, { recursive: true });

await build({
  bundle: true,
  absWorkingDir: ROOT,
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'warning',
  legalComments: 'none',
  entryPoints: ['bench/eval-ranking.ts'],
  outfile: join(OUT, 'eval-ranking.mjs'),
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [i18nEsbuildPlugin(ROOT)],
});

const { runEvalRanking } = await import(pathToFileURL(join(OUT, 'eval-ranking.mjs')).href);
await runEvalRanking(process.argv.slice(2));
