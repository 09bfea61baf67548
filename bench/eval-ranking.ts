/**
 * `npm run eval:ranking -- --corpus FILE --users FILE [--out FILE] [--ks 5,10,20] [--workers N]`: the ranking
 * evaluation of issue #19 on real arXiv days (protocol in bench/eval-ranking/protocol.ts and
 * evaluate.ts). The corpus is JSONL, gzip-compressed when its name ends in `.gz`. Prints a table
 * and, with `--out`, writes `{ "results": [{ method, k, ndcg10, p10, recall25, auc, ci }] }`.
 * scripts/eval-ranking.mjs bundles this file so `@/lib/...` imports resolve.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { aggregateMetrics, collectMetrics, DEFAULT_KS, type CollectedMetrics, type EvalReport } from './eval-ranking/evaluate';
import { parseCorpus, parseUsers } from './eval-ranking/protocol';

interface Args {
  corpus: string;
  users: string;
  out?: string;
  ks: number[];
  workers: number;
}

/** What a worker is asked to evaluate: the files, the ks, and its share of the users. */
interface ShardRequest {
  corpus: string;
  users: string;
  ks: number[];
  index: number;
  count: number;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const corpus = value('--corpus');
  const users = value('--users');
  if (!corpus || !users) throw new Error('Usage: npm run eval:ranking -- --corpus FILE --users FILE [--out FILE] [--ks 5,10,20] [--workers N]');
  const ks = value('--ks')?.split(',').map(Number) ?? [...DEFAULT_KS];
  if (ks.some((k) => !Number.isInteger(k) || k < 1)) throw new Error('--ks takes positive whole numbers, like 5,10,20.');
  const workers = Number(value('--workers') ?? Math.min(2, availableParallelism()));
  if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers takes a positive whole number.');
  const out = value('--out');
  return { corpus, users, ks, workers, ...(out ? { out } : {}) };
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

function collectShard(request: ShardRequest, onDay?: (day: string, done: number, total: number) => void): CollectedMetrics {
  const corpus = parseCorpus(readText(request.corpus));
  const users = parseUsers(readText(request.users));
  return collectMetrics(corpus, users, { ks: request.ks, shard: { index: request.index, count: request.count }, ...(onDay ? { onDay } : {}) });
}

/**
 * Parse the arguments, run the evaluation (users shared out over `--workers` worker threads, two
 * by default: the day loop is the same in each, the users differ), print the table, write `--out`.
 * Workers load this very bundle, so `--workers` above 1 needs the bundled file (scripts/eval-ranking.mjs).
 */
export async function runEvalRanking(argv: readonly string[]): Promise<EvalReport> {
  const args = parseArgs(argv);
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const progress = (day: string, done: number, total: number): void => {
    if (done % 20 === 0 || done === total) process.stderr.write(`  ${day}: ${done}/${total} days, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  };
  const request = (index: number): ShardRequest => ({ corpus: args.corpus, users: args.users, ks: args.ks, index, count: args.workers });
  const shards =
    args.workers === 1
      ? [collectShard(request(0), progress)]
      : await Promise.all(
          Array.from({ length: args.workers }, (_, index) =>
            new Promise<CollectedMetrics>((resolve, reject) => {
              const worker = new Worker(new URL(import.meta.url), { workerData: { evalRankingShard: request(index), progress: index === 0 } });
              worker.once('message', (message: CollectedMetrics) => resolve(message));
              worker.once('error', reject);
              worker.once('exit', (code) => {
                if (code !== 0) reject(new Error(`Evaluation worker ${index} stopped with code ${code}.`));
              });
            }),
          ),
        );
  const report = aggregateMetrics(shards, { ks: args.ks });
  // The whole process's CPU time (every thread): unlike wall-clock time it does not grow with
  // other jobs' load on a shared machine.
  const cpu = process.cpuUsage(startedCpu);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const corpusSize = parseCorpus(readText(args.corpus)).length;
  console.log(formatEvalTable(report));
  console.log(`${corpusSize} papers, ${parseUsers(readText(args.users)).length} users, ${args.workers} worker(s), ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${cpuSeconds.toFixed(0)} CPU-seconds`);
  if (args.out) writeFileSync(args.out, `${JSON.stringify({ results: report.results }, null, 2)}\n`);
  return report;
}

if (!isMainThread && parentPort && (workerData as { evalRankingShard?: ShardRequest } | undefined)?.evalRankingShard) {
  const data = workerData as { evalRankingShard: ShardRequest; progress: boolean };
  const started = performance.now();
  const collected = collectShard(
    data.evalRankingShard,
    data.progress
      ? (day, done, total) => {
          if (done % 20 === 0 || done === total) process.stderr.write(`  ${day}: ${done}/${total} days, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
        }
      : undefined,
  );
  parentPort.postMessage(collected);
}
