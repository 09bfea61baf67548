import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { runEvalRanking } from '../../../bench/eval-ranking';
import { aggregateMetrics, collectMetrics, evaluateRanking, METHODS, type TaskInspection } from '../../../bench/eval-ranking/evaluate';
import { nameOfUser, parseCorpus, parseUsers, planTasks } from '../../../bench/eval-ranking/protocol';
import { authorIndex } from '../../../lib/ranking/features';

const FIXTURES = join(__dirname, '../../fixtures/ranking');
const CORPUS = join(FIXTURES, 'corpus.jsonl.gz');
const USERS = join(FIXTURES, 'users.json');
const corpus = parseCorpus(gunzipSync(readFileSync(CORPUS)).toString('utf8'));
const users = parseUsers(readFileSync(USERS, 'utf8'));

describe('planTasks', () => {
  it('makes a user-day for every later day with a paper of the user, for each k they have enough papers for', () => {
    const { tasks } = planTasks(corpus, users, [5, 10, 20]);
    const kang = users.findIndex((user) => user.user === 'kang liu');
    const ks = new Set(tasks.filter((task) => task.user === kang).map((task) => task.k));
    expect([...ks].sort((a, b) => a - b)).toEqual([5, 10, 20]);
    for (const task of tasks) {
      const starDay = corpus[task.stars[task.k - 1] ?? 0]?.date ?? '';
      expect(task.day > starDay).toBe(true);
      expect(task.relevant.size).toBeGreaterThan(0);
      for (const paper of task.candidates) {
        expect(corpus[paper]?.date).toBe(task.day);
        expect(task.categories).toContain(corpus[paper]?.categories[0]);
      }
    }
  });
});

describe('evaluateRanking on the sample', () => {
  const inspections: TaskInspection[] = [];
  const report = evaluateRanking(corpus, users, { resamples: 200, onTask: (inspection) => inspections.push(inspection) });

  it('reports every method for every k, with metrics in range and intervals around them', () => {
    expect(report.results.map((row) => `${row.k} ${row.method}`)).toEqual(
      [5, 10, 20].flatMap((k) => METHODS.map((method) => `${k} ${method}`)),
    );
    for (const row of report.results) {
      for (const metric of ['ndcg10', 'p10', 'recall25', 'auc'] as const) {
        expect(row[metric]).toBeGreaterThanOrEqual(0);
        expect(row[metric]).toBeLessThanOrEqual(1);
        const [low, high] = row.ci[metric];
        expect(low).toBeLessThanOrEqual(row[metric] + 1e-12);
        expect(high).toBeGreaterThanOrEqual(row[metric] - 1e-12);
      }
    }
  });

  it('counts into the statistics only papers of earlier days, never the day being ranked', () => {
    expect(inspections.length).toBeGreaterThan(0);
    for (const { task, statisticsDocs, latestCountedDay } of inspections) {
      expect(statisticsDocs).toBe(corpus.filter((paper) => paper.date < task.day).length);
      if (latestCountedDay !== undefined) expect(latestCountedDay < task.day).toBe(true);
    }
  });

  it('trains on earlier papers only, never on a candidate or on the user’s own later papers', () => {
    for (const { task, training } of inspections) {
      for (const paper of training) expect((corpus[paper]?.date ?? '') < task.day).toBe(true);
      for (const paper of task.relevant) expect(training).not.toContain(paper);
    }
  });

  it('removes the user’s own name from every paper before features are computed', () => {
    for (const { task, siftFeatures } of inspections) {
      const own = authorIndex(nameOfUser(users[task.user]?.user ?? ''));
      for (const features of siftFeatures) expect(features.indices.includes(own)).toBe(false);
    }
  });

  it('is deterministic, and the same however the users are shared out', () => {
    expect(evaluateRanking(corpus, users, { resamples: 200 })).toEqual(report);
    const shares = [0, 1].map((index) => collectMetrics(corpus, users, { shard: { index, count: 2 } }));
    expect(aggregateMetrics(shares, { resamples: 200 })).toEqual(report);
  }, 60_000);
});

describe('npm run eval:ranking', () => {
  it('reads a gzip corpus and writes the results file in the documented shape', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'eval-ranking-')), 'results.json');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await runEvalRanking(['--corpus', CORPUS, '--users', USERS, '--out', out, '--ks', '5,10', '--workers', '1']);
    vi.restoreAllMocks();
    const written = JSON.parse(readFileSync(out, 'utf8')) as { results: Record<string, unknown>[] };
    expect(written.results).toHaveLength(8);
    for (const row of written.results) {
      expect(row).toMatchObject({
        method: expect.stringMatching(/^(sift|arxiv-sanity|keywords|arxiv-order)$/),
        k: expect.any(Number),
        ndcg10: expect.any(Number),
        p10: expect.any(Number),
        recall25: expect.any(Number),
        auc: expect.any(Number),
        ci: { ndcg10: [expect.any(Number), expect.any(Number)] },
      });
    }
  }, 60_000);

  it('says how to call it when an argument is missing', async () => {
    await expect(runEvalRanking(['--corpus', CORPUS])).rejects.toThrow(/--users FILE/);
  });
});
