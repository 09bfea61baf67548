/**
 * The reader's ranking model: a linear SVM over TF-IDF vectors of title, abstract, authors and
 * categories, trained on starred and tagged papers (positives) against hidden papers (strong
 * negatives) and papers seen but left alone (weak negatives), plus each paper's closeness to the
 * nearest starred paper. With fewer than `MIN_POSITIVES_TO_TRAIN` positives there is too little
 * to learn a boundary from, and papers are ranked by that closeness alone; with none, ranking is
 * off and the result says why.
 */
import { i18n } from '#i18n';
import { fromBase64, toBase64 } from './base64';
import { sharedPart, vectorize, type BlockWeights, type SparseVector, type Vectorizer } from './document-frequencies';
import { FEATURE_DIMENSION, type PaperFeatures } from './features';
import { decisionValue, trainLinearSvm, type SvmExample } from './linear-svm';

/** Below this many positives the model is similarity to the starred papers, not a trained SVM. */
export const MIN_POSITIVES_TO_TRAIN = 5;

/** `positive`: starred or tagged; `hidden`: hidden by the reader; `seen`: shown and left alone. */
export type ExampleLabel = 'positive' | 'hidden' | 'seen';

export interface TrainingExample {
  readonly features: PaperFeatures;
  readonly label: ExampleLabel;
}

export interface RankingOptions {
  /** The SVM's C, before class balancing. */
  c: number;
  /** A seen-but-left paper weighs this much as a negative; a hidden paper weighs 1. */
  seenWeight: number;
  /** How much closeness to the nearest positive adds to the SVM's score. */
  similarityWeight: number;
  /** Seen papers trained on at most: the latest ones (examples come oldest first), which bounds training time. */
  maxSeen: number;
}

/**
 * The method's first settings, kept as they were and not tuned on any evaluation file: C = 0.1,
 * seen papers at a quarter of a hide (Scholar Inbox weighs implicit negatives down the same way),
 * closeness to the nearest positive at half the SVM margin (it keeps a reader's second interest
 * alive when most stars are about the first), and the latest 2,000 seen papers, which bounds
 * training time whatever the reader's history.
 */
export const DEFAULT_RANKING_OPTIONS: RankingOptions = {
  c: 0.1,
  seenWeight: 0.25,
  similarityWeight: 0.5,
  maxSeen: 2000,
};

/** A positive paper kept in the model, for similarity and for "Why?". */
export interface ModelPositive {
  readonly id: string;
  readonly vector: SparseVector;
}

export interface RankingModel {
  /** `linear`: trained SVM plus closeness; `similarity`: closeness to the positives only. */
  readonly kind: 'linear' | 'similarity';
  /** SVM weights over `FEATURE_DIMENSION` (absent for `similarity`). */
  readonly weights?: Float32Array;
  readonly bias: number;
  readonly positives: readonly ModelPositive[];
  readonly options: RankingOptions;
  /** The block weights of the vectoriser it was trained with; score with the same. */
  readonly blockWeights: BlockWeights;
  readonly counts: { positives: number; hidden: number; seen: number };
}

/** What training gave: a model, or ranking is off and `message` says why, for the toolbar. */
export type TrainResult =
  | { readonly status: 'ready'; readonly model: RankingModel }
  | { readonly status: 'off'; readonly reason: 'no-positives'; readonly message: string };

/**
 * Train the reader's model from their examples (see the module comment), vectorised by
 * `vectorizer` (the statistics of the papers seen so far). Of the seen papers only the latest
 * `maxSeen` are used. Classes are balanced as scikit-learn's `class_weight='balanced'`, on weights rather than
 * counts, so ten stars are not drowned by five thousand seen papers; a hidden paper counts
 * `1 / seenWeight` times a seen one. Deterministic: the same examples in the same order give the
 * same model.
 *
 * @example trainRanking([{ features, label: 'positive' }, …], df) → { status: 'ready', model }
 */
export function trainRanking(
  allExamples: readonly TrainingExample[],
  vectorizer: Vectorizer,
  options: RankingOptions = DEFAULT_RANKING_OPTIONS,
): TrainResult {
  let seenToSkip = allExamples.filter((example) => example.label === 'seen').length - options.maxSeen;
  const examples = allExamples.filter((example) => example.label !== 'seen' || seenToSkip-- <= 0);
  const positives = examples.filter((example) => example.label === 'positive');
  const counts = {
    positives: positives.length,
    hidden: examples.filter((example) => example.label === 'hidden').length,
    seen: examples.filter((example) => example.label === 'seen').length,
  };
  if (positives.length === 0) {
    return { status: 'off', reason: 'no-positives', message: i18n.t('ranking.noPositives') };
  }
  const blockWeights = vectorizer.weights;
  const modelPositives = positives.map((example) => ({ id: example.features.id, vector: vectorize(example.features, vectorizer) }));
  const negatives = examples.filter((example) => example.label !== 'positive');
  if (positives.length < MIN_POSITIVES_TO_TRAIN || negatives.length === 0) {
    return { status: 'ready', model: { kind: 'similarity', bias: 0, positives: modelPositives, options, blockWeights, counts } };
  }
  const weightOf = (label: ExampleLabel): number => (label === 'seen' ? options.seenWeight : 1);
  const positiveWeight = positives.length;
  const negativeWeight = negatives.reduce((sum, example) => sum + weightOf(example.label), 0);
  const total = positiveWeight + negativeWeight;
  const svmExamples: SvmExample[] = examples.map((example) => {
    const positive = example.label === 'positive';
    const classWeight = total / (2 * (positive ? positiveWeight : negativeWeight));
    const full = vectorize(example.features, vectorizer);
    const vector = positive ? full : sharedPart(full, vectorizer);
    return { vector, label: positive ? 1 : -1, cost: options.c * classWeight * weightOf(example.label) };
  });
  const fn = trainLinearSvm(svmExamples, { dimension: FEATURE_DIMENSION });
  return {
    status: 'ready',
    model: { kind: 'linear', weights: fn.weights, bias: fn.bias, positives: modelPositives, options, blockWeights, counts },
  };
}

/**
 * The positives as an inverted index (feature → which positives have it, with what value), so a
 * paper's closeness to every positive costs one pass over its own features instead of a merge
 * with each positive. Each positive is indexed by its `INDEXED_FEATURES` heaviest features only:
 * they carry most of its length (its distinctive terms and authors), and common words, which
 * every positive shares, would otherwise make each lookup visit all of them.
 */
interface PositiveIndex {
  readonly postings: Map<number, { positive: number; value: number }[]>;
  readonly sums: Float64Array;
}

const INDEXED_FEATURES = 64;

const positiveIndexes = new WeakMap<RankingModel, PositiveIndex>();

function positiveIndexOf(model: RankingModel): PositiveIndex {
  let index = positiveIndexes.get(model);
  if (!index) {
    const postings = new Map<number, { positive: number; value: number }[]>();
    model.positives.forEach((positive, p) => {
      const { indices, values } = positive.vector;
      const heaviest = Array.from(indices.keys())
        .sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b)
        .slice(0, INDEXED_FEATURES);
      for (const i of heaviest) {
        const feature = indices[i] ?? 0;
        const list = postings.get(feature) ?? [];
        list.push({ positive: p, value: values[i] ?? 0 });
        postings.set(feature, list);
      }
    });
    index = { postings, sums: new Float64Array(model.positives.length) };
    positiveIndexes.set(model, index);
  }
  return index;
}

/**
 * The closest positive to `vector` and their similarity (the cosine over the positive's heaviest
 * features, see `PositiveIndex`); `undefined` when the model keeps none.
 */
export function closestPositive(model: RankingModel, vector: SparseVector): { id: string; similarity: number } | undefined {
  if (model.positives.length === 0) return undefined;
  const { postings, sums } = positiveIndexOf(model);
  sums.fill(0);
  for (let i = 0; i < vector.indices.length; i++) {
    const list = postings.get(vector.indices[i] as number);
    if (!list) continue;
    const value = vector.values[i] as number;
    for (const { positive, value: other } of list) sums[positive] = (sums[positive] as number) + value * other;
  }
  let best = 0;
  for (let p = 1; p < sums.length; p++) if ((sums[p] as number) > (sums[best] as number)) best = p;
  const positive = model.positives[best];
  return positive ? { id: positive.id, similarity: sums[best] as number } : undefined;
}

/** A paper's score from its vector (see `scorePapers`). */
export function scoreVector(model: RankingModel, vector: SparseVector): number {
  const closeness = closestPositive(model, vector)?.similarity ?? 0;
  if (model.kind === 'similarity' || !model.weights) return closeness;
  return decisionValue({ weights: model.weights, bias: model.bias }, vector) + model.options.similarityWeight * closeness;
}

/**
 * Scores for `papers` under the model, in their order: higher is closer to the reader's
 * interests. Scores order one listing; they are not probabilities and do not compare across
 * models. `vectorizer` should hold the statistics the model was trained with, or their later
 * growth, and the model's `blockWeights`.
 */
export function scorePapers(model: RankingModel, papers: readonly PaperFeatures[], vectorizer: Vectorizer): Float64Array {
  const scores = new Float64Array(papers.length);
  papers.forEach((features, i) => {
    scores[i] = scoreVector(model, vectorize(features, vectorizer));
  });
  return scores;
}

/** The plain-JSON model, for IndexedDB and backups: weights as base64 sparse index/value arrays. */
export interface RankingModelJson {
  version: 1;
  kind: RankingModel['kind'];
  dimension: number;
  bias: number;
  /** Nonzero weights: base64 of an Int32Array of indices and of a Float32Array of values. */
  weights?: { indices: string; values: string };
  positives: { id: string; indices: string; values: string }[];
  options: RankingOptions;
  blockWeights: BlockWeights;
  counts: RankingModel['counts'];
}

function bytesOf(array: Int32Array | Float32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function int32sOf(text: string): Int32Array {
  const bytes = fromBase64(text);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

function float32sOf(text: string): Float32Array {
  const bytes = fromBase64(text);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/**
 * The model as plain JSON (see `RankingModelJson`). Only nonzero weights are written: the
 * bench's model (50 positives, 500 hidden and 2,000 seen papers of generated text) is 2.7 MB.
 */
export function toRankingModelJson(model: RankingModel): RankingModelJson {
  let weights: RankingModelJson['weights'];
  if (model.weights) {
    const indices: number[] = [];
    model.weights.forEach((value, index) => {
      if (value !== 0) indices.push(index);
    });
    const nonzero = Int32Array.from(indices);
    weights = { indices: toBase64(bytesOf(nonzero)), values: toBase64(bytesOf(Float32Array.from(nonzero, (index) => model.weights?.[index] ?? 0))) };
  }
  return {
    version: 1,
    kind: model.kind,
    dimension: FEATURE_DIMENSION,
    bias: model.bias,
    ...(weights ? { weights } : {}),
    positives: model.positives.map((positive) => ({ id: positive.id, indices: toBase64(bytesOf(positive.vector.indices)), values: toBase64(bytesOf(positive.vector.values)) })),
    options: model.options,
    blockWeights: model.blockWeights,
    counts: model.counts,
  };
}

function denseWeightsOf(sparse: { indices: string; values: string }): Float32Array {
  const indices = int32sOf(sparse.indices);
  const values = float32sOf(sparse.values);
  if (indices.length !== values.length) throw new Error(i18n.t('ranking.modelDamaged'));
  const weights = new Float32Array(FEATURE_DIMENSION);
  indices.forEach((index, i) => {
    if (index < 0 || index >= FEATURE_DIMENSION) throw new Error(i18n.t('ranking.modelDamaged'));
    weights[index] = values[i] ?? 0;
  });
  return weights;
}

/**
 * A model back from `toRankingModelJson`. Throws when the JSON is of another version or feature
 * space, or its arrays disagree: the model must then be retrained from the reader's stars.
 */
export function parseRankingModelJson(json: RankingModelJson): RankingModel {
  if (json.version !== 1 || json.dimension !== FEATURE_DIMENSION) {
    throw new Error(i18n.t('ranking.modelUnreadable', { version: String(json.version), dimension: String(json.dimension) }));
  }
  const weights = json.weights ? denseWeightsOf(json.weights) : undefined;
  const positives = json.positives.map((positive) => {
    const vector = { indices: int32sOf(positive.indices), values: float32sOf(positive.values) };
    if (vector.indices.length !== vector.values.length) throw new Error(i18n.t('ranking.modelDamaged'));
    return { id: positive.id, vector };
  });
  return { kind: json.kind, ...(weights ? { weights } : {}), bias: json.bias, positives, options: json.options, blockWeights: json.blockWeights, counts: json.counts };
}
