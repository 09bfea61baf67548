/**
 * `npm run eval:ranking -- --corpus FILE --users FILE [--out FILE] [--ks 5,10,20]`: the ranking
 * evaluation of issue #19 on real arXiv days (protocol in bench/eval-ranking/protocol.ts and
 * evaluate.ts). The corpus is JSONL, gzip-compressed when its name ends in `.gz`. Prints a table
 * and, with `--out`, writes `{ "results": [{ method, k, ndcg10, p10, recall25, auc, ci }] }`.
 * scripts/eval-ranking.mjs bundles this file so `@/lib/...` imports resolve.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_KS, evaluateRanking, type EvalReport } from './eval-ranking/evaluate';
import { parseCorpus, parseUsers } from './eval-ranking/protocol';

interface Args {
  corpus: string;
  users: string;
  out?: string;
  ks: number[];
}

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const corpus = value('--corpus');
  const users = value('--users');
  if (!corpus || !users) throw new Error('Usage: npm run eval:ranking -- --corpus FILE --users FILE [--out FILE] [--ks 5,10,20]');
  const ks = value('--ks')?.split(',').map(Number) ?? [...DEFAULT_KS];
  if (ks.some((k) => !Number.isInteger(k) || k < 1)) throw new Error('--ks takes positive whole numbers, like 5,10,20.');
  const out = value('--out');
  return { corpus, users, ks, ...(out ? { out } : {}) };
}

function readText(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

const fixed = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '  -  ');

/** The report as a plain-text table, one row per k and method. */
export function formatEvalTable(report: EvalReport): string {
  const lines = ['k   method        users  days   nDCG@10 [95% CI]       P@10 [95% CI]          R@25 [95% CI]          AUC [95% CI]'];
  for (const row of report.results) {
    const cell = (metric: 'ndcg10' | 'p10' | 'recall25' | 'auc'): string => `${fixed(row[metric])} [${fixed(row.ci[metric][0])}, ${fixed(row.ci[metric][1])}]`;
    lines.push(
      `${String(row.k).padEnd(3)} ${row.method.padEnd(13)} ${String(row.users).padStart(5)} ${String(row.days).padStart(5)}   ${cell('ndcg10')}  ${cell('p10')}  ${cell('recall25')}  ${cell('auc')}`,
    );
  }
  lines.push(`user-days skipped (no paper of theirs in their earlier categories that day): ${report.skipped}`);
  return lines.join('\n');
}

/** Parse the arguments, run the evaluation, print the table, write `--out`. */
export function runEvalRanking(argv: readonly string[]): EvalReport {
  const args = parseArgs(argv);
  const started = performance.now();
  const corpus = parseCorpus(readText(args.corpus));
  const users = parseUsers(readText(args.users));
  const report = evaluateRanking(corpus, users, {
    ks: args.ks,
    onDay: (day, done, total) => {
      if (done % 20 === 0 || done === total) process.stderr.write(`  ${day}: ${done}/${total} days, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  console.log(formatEvalTable(report));
  console.log(`${corpus.length} papers, ${users.length} users, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (args.out) writeFileSync(args.out, `${JSON.stringify({ results: report.results }, null, 2)}\n`);
  return report;
}
