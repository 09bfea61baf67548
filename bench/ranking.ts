/**
 * Speed and size of the ranking core in Node, for `npm run bench` (bench/run.ts calls
 * `measureRanking`): training on 50 positives and 5,000 seen papers (aim ≤ 50 ms), scoring a
 * 2,000-entry listing (aim ≤ 20 ms), and the JSON sizes of the model and of statistics. Papers are
 * generated from a seeded Zipf vocabulary with arXiv-like lengths (a 10-word title, a 170-word
 * abstract, 5 authors), so runs compare.
 */
import { addDocument, createDocumentFrequencies, createVectorizer, toDocumentFrequenciesJson, type Vectorizer } from '@/lib/ranking/document-frequencies';
import { extractFeatures, type PaperFeatures, type RankingPaper } from '@/lib/ranking/features';
import { seededRandom } from '@/lib/ranking/linear-svm';
import { scorePapers, toRankingModelJson, trainRanking, type TrainingExample } from '@/lib/ranking/model';

export interface RankingPlan {
  positives: number;
  negatives: number;
  listing: number;
  /** Papers counted into the statistics before training (the reader's history). */
  history: number;
  warmups: number;
  runs: number;
}

export const RANKING_FULL: RankingPlan = { positives: 50, negatives: 5000, listing: 2000, history: 20_000, warmups: 2, runs: 7 };
export const RANKING_SMOKE: RankingPlan = { positives: 10, negatives: 200, listing: 100, history: 500, warmups: 0, runs: 1 };

export interface Timing {
  /** Median of the runs, ms of wall-clock time. */
  median: number;
  runs: number[];
  /**
   * Median of the runs, ms of this process's CPU time: on a machine shared with other jobs the
   * wall-clock time also counts the waits for a core, and this figure does not.
   */
  cpuMedian: number;
}

export interface RankingBenchResult {
  plan: RankingPlan;
  /**
   * `trainRanking` on already extracted features, IDF table at hand: vectorising and the SVM, for
   * the positives and negatives of which a tenth are hidden and the rest seen (so the latest
   * `maxSeen` seen papers and every hidden one are trained on). Aim ≤ 50 ms.
   */
  train: Timing;
  /** The same with every negative hidden, so all of them are trained on: the worst case. */
  trainAllHidden: Timing;
  /** Vectorising and scoring the listing's extracted features with a trained model. Aim ≤ 20 ms. */
  score: Timing;
  /** Extracting the listing's features (tokenising), done once per listing and kept. */
  extract: Timing;
  /** `createVectorizer`: IDF of every feature, once per change of the statistics. */
  vectorizer: Timing;
  /** JSON sizes: the trained model and the statistics. */
  modelJsonBytes: number;
  statisticsJsonBytes: number;
}

const VOCABULARY = 30_000;
const AUTHORS = 50_000;

function syntheticPapers(count: number, seed: number): RankingPaper[] {
  const random = seededRandom(seed);
  // Zipf's law by inverse transform on a continuous approximation: rank ≈ N^u.
  const word = (): string => `w${Math.floor(VOCABULARY ** random())}`;
  const words = (n: number): string => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `bench.${seed}.${i}`,
    title: words(10),
    abstract: words(170),
    authors: Array.from({ length: 5 }, () => `Author ${Math.floor(AUTHORS * random())}`),
    categories: [random() < 0.7 ? 'cs.CL' : 'cs.LG', 'cs.AI'],
  }));
}

function time(warmups: number, runs: number, fn: () => void): Timing {
  for (let i = 0; i < warmups; i++) fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    fn();
    const used = process.cpuUsage(startCpu);
    samples.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { median: median(samples), runs: samples, cpuMedian: median(cpu) };
}

/**
 * Measure the ranking core under `plan` (see `RankingBenchResult`). Training and scoring time the
 * work that happens when a reader stars a paper or opens a listing; feature extraction is timed
 * apart because the extension does it once per paper and keeps the result.
 */
export function measureRanking(plan: RankingPlan = RANKING_FULL): RankingBenchResult {
  const df = createDocumentFrequencies();
  for (const paper of syntheticPapers(plan.history, 1)) addDocument(df, extractFeatures(paper));
  const positives = syntheticPapers(plan.positives, 2).map((paper) => extractFeatures(paper));
  const negatives = syntheticPapers(plan.negatives, 3).map((paper) => extractFeatures(paper));
  const listingPapers = syntheticPapers(plan.listing, 4);
  const examples: TrainingExample[] = [
    ...positives.map((features) => ({ features, label: 'positive' as const })),
    ...negatives.map((features, i) => ({ features, label: i % 10 === 0 ? ('hidden' as const) : ('seen' as const) })),
  ];
  const vectorizer = time(plan.warmups, plan.runs, () => {
    createVectorizer(df);
  });
  const base = createVectorizer(df);
  // An empty vector memo per run, so vectors memoised by one run do not flatter the next.
  const fresh = (): Vectorizer => ({ ...base, cache: new WeakMap() });
  const train = time(plan.warmups, plan.runs, () => {
    trainRanking(examples, fresh());
  });
  const allHidden = examples.map((example) => (example.label === 'seen' ? { ...example, label: 'hidden' as const } : example));
  const trainAllHidden = time(plan.warmups, plan.runs, () => {
    trainRanking(allHidden, fresh());
  });
  let listing: PaperFeatures[] = [];
  const extract = time(plan.warmups, plan.runs, () => {
    listing = listingPapers.map((paper) => extractFeatures(paper));
  });
  const trained = trainRanking(examples, fresh());
  if (trained.status !== 'ready') throw new Error('The bench model did not train.');
  const score = time(plan.warmups, plan.runs, () => {
    scorePapers(trained.model, listing, fresh());
  });
  return {
    plan,
    train,
    trainAllHidden,
    score,
    extract,
    vectorizer,
    modelJsonBytes: JSON.stringify(toRankingModelJson(trained.model)).length,
    statisticsJsonBytes: JSON.stringify(toDocumentFrequenciesJson(df)).length,
  };
}
