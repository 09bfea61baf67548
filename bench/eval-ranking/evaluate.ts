/**
 * The ranking evaluation: for every user-day of the protocol, train each method on what the user
 * had before that day, rank the day's candidates, score the ranking, and aggregate. Days are
 * walked in order so the statistics (Sift's document frequencies, arxiv-sanity's vocabulary) grow
 * one day at a time and never see the day being ranked.
 */
import { addDocument, createDocumentFrequencies, createVectorizer, DEFAULT_BLOCK_WEIGHTS, type BlockWeights, type SparseVector } from '@/lib/ranking/document-frequencies';
import { extractFeatures, type PaperFeatures } from '@/lib/ranking/features';
import { trainLinearSvm } from '@/lib/ranking/linear-svm';
import { DEFAULT_RANKING_OPTIONS, scorePapers, trainRanking, type RankingOptions, type TrainingExample } from '@/lib/ranking/model';
import { normalizeAuthorName } from '@/lib/ranking/tokenize';
import { compileRules } from '@/lib/rules/compile';
import { matchPaper, type PaperText } from '@/lib/rules/match';
import type { Rule } from '@/lib/rules/types';
import { aucOf, bootstrapInterval, meanOf, ndcgAt, precisionAt, recallAt } from './metrics';
import { nameOfUser, planTasks, type CorpusPaper, type Task, type UserSet } from './protocol';
import { SanityCorpus, SanityStatistics, sanityVector, type SanityVocabulary } from './sanity-tfidf';

export const METHODS = ['sift', 'arxiv-sanity', 'keywords', 'arxiv-order'] as const;
export type MethodName = (typeof METHODS)[number];

export const DEFAULT_KS = [5, 10, 20] as const;

/** arxiv-sanity-lite's `serve.py`: `LinearSVC(class_weight='balanced', C=0.01)`. */
const SANITY_C = 0.01;
/** The solver's stopping tolerance: liblinear's default for its dual solvers. */
const SANITY_TOLERANCE = 0.1;
/**
 * arxiv-sanity trains on every paper in its database; here at most this many negatives, evenly
 * spaced over the earlier days, keep the whole run under 10 minutes on two cores. On the first six
 * months of the shared set (k = 5, 669 user-days) all negatives with tolerance 0.01 gave nDCG@10
 * 0.546 and 3,000 with tolerance 0.1 gave 0.547.
 */
const SANITY_MAX_NEGATIVES = 3000;
/** How many of the stars' top TF-IDF terms become keyword rules (the protocol's reference run used 5). */
const KEYWORD_RULES = 5;

type Metric = 'ndcg10' | 'p10' | 'recall25' | 'auc';
const METRICS: readonly Metric[] = ['ndcg10', 'p10', 'recall25', 'auc'];

export interface EvalRow {
  method: MethodName;
  k: number;
  /** Users with at least one test day. */
  users: number;
  /** User-days ranked. */
  days: number;
  ndcg10: number;
  p10: number;
  recall25: number;
  auc: number;
  /** 95% bootstrap intervals over users. */
  ci: Record<Metric, [number, number]>;
}

export interface EvalReport {
  results: EvalRow[];
  /** User-days dropped because none of the user's papers that day fell in their earlier categories. */
  skipped: number;
}

/** One user's metric values, one per test day in day order, for one method and k. */
export interface UserMetrics {
  method: MethodName;
  k: number;
  user: number;
  values: Record<Metric, number[]>;
}

/** What a run over some of the users measured, before aggregation: plain JSON, so workers can send it. */
export interface CollectedMetrics {
  users: UserMetrics[];
  skipped: number;
}

/** What one user-day was given, for tests that check nothing from that day or later leaked in. */
export interface TaskInspection {
  task: Task;
  /** Papers counted in Sift's document frequencies and in arxiv-sanity's vocabulary fit. */
  statisticsDocs: number;
  /** The latest day among those counted papers. */
  latestCountedDay: string | undefined;
  /** Every paper a method trained on (stars and negatives). */
  training: readonly number[];
  /** Sift's features of the stars and candidates, after the user's name was removed. */
  siftFeatures: readonly PaperFeatures[];
}

export interface EvalOptions {
  ks?: readonly number[];
  methods?: readonly MethodName[];
  /** Bootstrap resamples (default 1000). */
  resamples?: number;
  sift?: RankingOptions;
  siftBlockWeights?: BlockWeights;
  /** arxiv-sanity trains on at most this many negatives, evenly spaced over the earlier days (default `SANITY_MAX_NEGATIVES`). */
  sanityMaxNegatives?: number;
  onTask?: (inspection: TaskInspection) => void;
  /** Called after each day, for progress output. */
  onDay?: (day: string, done: number, total: number) => void;
  /** Evaluate only the users whose index is `index` modulo `count` (one worker's share). */
  shard?: { index: number; count: number };
}

/** At most `limit` of `items`, evenly spaced, first and last kept: a sample that spans every day. */
function evenlySpaced<T>(items: readonly T[], limit: number): readonly T[] {
  if (items.length <= limit) return items;
  return Array.from({ length: limit }, (_, i) => items[Math.round((i * (items.length - 1)) / (limit - 1))] as T);
}

function keywordRule(term: string, index: number): Rule {
  return {
    id: `keyword-${index}`,
    pattern: term,
    mode: 'word',
    fields: ['title', 'abstract'],
    caseSensitive: false,
    diacriticSensitive: false,
    color: '#ffd54f',
    action: 'highlight',
    enabled: true,
    createdAt: 0,
    updatedAt: 0,
  };
}

function ruleTextOf(paper: CorpusPaper): PaperText {
  return { title: paper.title, abstract: paper.abstract, authors: [], subjects: [] };
}

/** Sorted candidate order: score descending, arXiv's order for ties. */
function rankedRelevance(candidates: readonly number[], scores: ArrayLike<number>, relevant: ReadonlySet<number>): boolean[] {
  const order = candidates.map((_, i) => i);
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  return order.map((i) => relevant.has(candidates[i] ?? -1));
}

/**
 * Run the protocol on `corpus` and `users` for each k (default 5, 10, 20) and each method
 * (`sift`, `arxiv-sanity`, `keywords`, `arxiv-order`), and aggregate: per user the mean over
 * their days, then the mean over users with a 95% bootstrap interval (the same resampling for
 * every method). Deterministic.
 */
export function evaluateRanking(corpus: readonly CorpusPaper[], users: readonly UserSet[], options: EvalOptions = {}): EvalReport {
  const collected = collectMetrics(corpus, users, options);
  return aggregateMetrics([collected], options);
}

/**
 * The per-user metrics of the protocol (see `evaluateRanking`) for the users of `options.shard`,
 * or all of them. Days are walked in order whatever the shard, so every share sees the same
 * statistics on the same day.
 */
export function collectMetrics(corpus: readonly CorpusPaper[], users: readonly UserSet[], options: EvalOptions = {}): CollectedMetrics {
  const ks = options.ks ?? DEFAULT_KS;
  const methods = options.methods ?? METHODS;
  const siftOptions = options.sift ?? DEFAULT_RANKING_OPTIONS;
  const shard = options.shard ?? { index: 0, count: 1 };
  const plan = planTasks(corpus, users, ks, (user) => user % shard.count === shard.index);
  const { tasks, skipped } = plan;
  const wantsSanity = methods.includes('arxiv-sanity') || methods.includes('keywords');

  const siftShared = corpus.map((paper) => extractFeatures(paper));
  const names = users.map((user) => nameOfUser(user.user));
  const wantedNames = new Set(names);
  const papersByName = new Map<string, Set<number>>();
  corpus.forEach((paper, i) => {
    for (const author of paper.authors) {
      const name = normalizeAuthorName(author);
      if (!wantedNames.has(name)) continue;
      const set = papersByName.get(name) ?? new Set<number>();
      set.add(i);
      papersByName.set(name, set);
    }
  });
  const ownFeatures = new Map<number, Map<number, PaperFeatures>>();
  const siftFeaturesOf = (user: number, paper: number): PaperFeatures => {
    const name = names[user] ?? '';
    const shared = siftShared[paper] as PaperFeatures;
    if (!papersByName.get(name)?.has(paper)) return shared;
    let cache = ownFeatures.get(user);
    if (!cache) {
      cache = new Map();
      ownFeatures.set(user, cache);
    }
    let features = cache.get(paper);
    if (!features) {
      features = extractFeatures(corpus[paper] as CorpusPaper, { excludeAuthor: name });
      cache.set(paper, features);
    }
    return features;
  };

  const sanityCorpus = wantsSanity ? new SanityCorpus(corpus.map((paper) => `${paper.title} ${paper.abstract}`)) : undefined;
  const termById = sanityCorpus ? [...sanityCorpus.termIds.keys()] : [];
  const sanityStats = sanityCorpus ? new SanityStatistics(sanityCorpus) : undefined;
  const siftDf = createDocumentFrequencies();

  // Every paper in day order (corpus order within a day), and per primary category.
  const chronological = corpus.map((_, i) => i).sort((a, b) => {
    const da = corpus[a]?.date ?? '';
    const db = corpus[b]?.date ?? '';
    return da < db ? -1 : da > db ? 1 : a - b;
  });
  const rank = new Int32Array(corpus.length);
  chronological.forEach((paper, position) => {
    rank[paper] = position;
  });
  const byCategory = new Map<string, number[]>();
  for (const i of chronological) {
    const category = corpus[i]?.categories[0] ?? '';
    const list = byCategory.get(category) ?? [];
    list.push(i);
    byCategory.set(category, list);
  }
  const before = (list: readonly number[], day: string): number => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((corpus[list[mid] ?? 0]?.date ?? '') < day) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  const perUser = new Map<string, UserMetrics>();
  const record = (method: MethodName, task: Task, relevance: boolean[]): void => {
    const key = `${method}|${task.k}|${task.user}`;
    let entry = perUser.get(key);
    if (!entry) {
      entry = { method, k: task.k, user: task.user, values: { ndcg10: [], p10: [], recall25: [], auc: [] } };
      perUser.set(key, entry);
    }
    const { values } = entry;
    values.ndcg10.push(ndcgAt(relevance, 10));
    values.p10.push(precisionAt(relevance, 10));
    values.recall25.push(recallAt(relevance, 25));
    values.auc.push(aucOf(relevance));
  };

  let counted = 0;
  let latestCountedDay: string | undefined;
  const days = [...new Set(tasks.map((task) => task.day))];
  days.forEach((day, dayIndex) => {
    while (counted < chronological.length && (corpus[chronological[counted] ?? 0]?.date ?? '') < day) {
      const paper = chronological[counted] ?? 0;
      addDocument(siftDf, siftShared[paper] as PaperFeatures);
      sanityStats?.add(paper);
      latestCountedDay = corpus[paper]?.date;
      counted++;
    }
    const vocabulary: SanityVocabulary | undefined = sanityStats?.fit();
    const siftVectorizer = methods.includes('sift') ? createVectorizer(siftDf, options.siftBlockWeights ?? DEFAULT_BLOCK_WEIGHTS) : undefined;
    const sanityVectors = new Map<number, SparseVector>();
    const sanityVectorOf = (paper: number): SparseVector => {
      let vector = sanityVectors.get(paper);
      if (!vector && sanityCorpus && vocabulary) {
        vector = sanityVector(sanityCorpus.papers[paper] ?? { ids: new Int32Array(), counts: new Float32Array() }, vocabulary);
        sanityVectors.set(paper, vector);
      }
      return vector ?? { indices: new Int32Array(), values: new Float32Array() };
    };

    for (const task of tasks) {
      if (task.day !== day) continue;
      const allNegatives: number[] = [];
      for (const category of task.categories) {
        const list = byCategory.get(category) ?? [];
        const end = before(list, day);
        for (let i = 0; i < end; i++) {
          const paper = list[i] ?? 0;
          if (!task.own.has(paper)) allNegatives.push(paper);
        }
      }
      // Oldest first across categories, as a reader would have seen them.
      if (task.categories.length > 1) allNegatives.sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
      const candidateFeatures = task.candidates.map((paper) => siftFeaturesOf(task.user, paper));
      const starFeatures = task.stars.map((paper) => siftFeaturesOf(task.user, paper));
      options.onTask?.({
        task,
        statisticsDocs: counted,
        latestCountedDay,
        training: [...task.stars, ...allNegatives],
        siftFeatures: [...starFeatures, ...candidateFeatures],
      });

      if (siftVectorizer) {
        const examples: TrainingExample[] = [
          ...starFeatures.map((features) => ({ features, label: 'positive' as const })),
          ...allNegatives.map((paper) => ({ features: siftFeaturesOf(task.user, paper), label: 'seen' as const })),
        ];
        const trained = trainRanking(examples, siftVectorizer, siftOptions);
        const scores = trained.status === 'ready' ? scorePapers(trained.model, candidateFeatures, siftVectorizer) : new Float64Array(task.candidates.length);
        record('sift', task, rankedRelevance(task.candidates, scores, task.relevant));
      }

      if (methods.includes('arxiv-sanity') && vocabulary) {
        const negatives = evenlySpaced(allNegatives, options.sanityMaxNegatives ?? SANITY_MAX_NEGATIVES);
        const positives = task.stars.length;
        const total = positives + negatives.length;
        const fn = trainLinearSvm(
          [
            ...task.stars.map((paper) => ({ vector: sanityVectorOf(paper), label: 1 as const, cost: (SANITY_C * total) / (2 * positives) })),
            ...negatives.map((paper) => ({ vector: sanityVectorOf(paper), label: -1 as const, cost: (SANITY_C * total) / (2 * Math.max(1, negatives.length)) })),
          ],
          { dimension: vocabulary.size, tolerance: SANITY_TOLERANCE, maxEpochs: 1000 },
        );
        const scores = task.candidates.map((paper) => {
          const vector = sanityVectorOf(paper);
          let sum = fn.bias;
          vector.indices.forEach((index, i) => (sum += (fn.weights[index] ?? 0) * (vector.values[i] ?? 0)));
          return sum;
        });
        record('arxiv-sanity', task, rankedRelevance(task.candidates, scores, task.relevant));
      }

      if (methods.includes('keywords') && vocabulary) {
        const mean = new Map<number, number>();
        for (const paper of task.stars) {
          const vector = sanityVectorOf(paper);
          vector.indices.forEach((column, i) => mean.set(column, (mean.get(column) ?? 0) + (vector.values[i] ?? 0)));
        }
        const ranked = [...mean].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        const starTexts = task.stars.map((paper) => ruleTextOf(corpus[paper] as CorpusPaper));
        const rules: Rule[] = [];
        for (const [column] of ranked) {
          if (rules.length >= KEYWORD_RULES) break;
          const term = termById[vocabulary.terms[column] ?? -1];
          if (term === undefined) continue;
          // A bigram spanning a dropped stop word ("analysis sentiment") is no rule a reader would
          // write and matches nothing: keep only terms the matcher finds in a star.
          const rule = keywordRule(term, rules.length);
          const alone = compileRules([rule]);
          if (starTexts.some((text) => matchPaper(alone, text).ruleIds.size > 0)) rules.push(rule);
        }
        const compiled = compileRules(rules);
        const scores = task.candidates.map((paper) => matchPaper(compiled, ruleTextOf(corpus[paper] as CorpusPaper)).ruleIds.size);
        record('keywords', task, rankedRelevance(task.candidates, scores, task.relevant));
      }

      if (methods.includes('arxiv-order')) {
        record('arxiv-order', task, rankedRelevance(task.candidates, new Float64Array(task.candidates.length), task.relevant));
      }
    }
    options.onDay?.(day, dayIndex + 1, days.length);
  });

  return { users: [...perUser.values()], skipped };
}

/**
 * Aggregate the metrics of one or more shares (see `collectMetrics`) into the report's rows, one
 * per k and method, in `options`' order. The result does not depend on how users were shared out.
 */
export function aggregateMetrics(collected: readonly CollectedMetrics[], options: EvalOptions = {}): EvalReport {
  const ks = options.ks ?? DEFAULT_KS;
  const methods = options.methods ?? METHODS;
  const byKey = new Map<string, Map<number, Record<Metric, number[]>>>();
  for (const share of collected) {
    for (const { method, k, user, values } of share.users) {
      const key = `${method}|${k}`;
      const byUser = byKey.get(key) ?? new Map<number, Record<Metric, number[]>>();
      byUser.set(user, values);
      byKey.set(key, byUser);
    }
  }
  const results: EvalRow[] = [];
  for (const k of ks) {
    for (const method of methods) {
      const byUser = byKey.get(`${method}|${k}`);
      if (!byUser) continue;
      const userIds = [...byUser.keys()].sort((a, b) => a - b);
      const row: Partial<Record<Metric, number>> = {};
      const ci: Partial<Record<Metric, [number, number]>> = {};
      for (const metric of METRICS) {
        const means = userIds.map((user) => meanOf(byUser.get(user)?.[metric] ?? []));
        row[metric] = meanOf(means);
        ci[metric] = bootstrapInterval(means, options.resamples ?? 1000, k);
      }
      results.push({
        method,
        k,
        users: userIds.length,
        days: userIds.reduce((sum, user) => sum + (byUser.get(user)?.ndcg10.length ?? 0), 0),
        ndcg10: row.ndcg10 ?? Number.NaN,
        p10: row.p10 ?? Number.NaN,
        recall25: row.recall25 ?? Number.NaN,
        auc: row.auc ?? Number.NaN,
        ci: ci as Record<Metric, [number, number]>,
      });
    }
  }
  return { results, skipped: collected.reduce((sum, share) => sum + share.skipped, 0) };
}
