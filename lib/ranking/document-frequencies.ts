/**
 * Document frequencies learned from the papers this browser has seen, one counter per hashed
 * feature: memory is fixed (`FEATURE_DIMENSION` counters, 2.6 MB) however many papers go by, and
 * the statistics need no vocabulary. ``createVectorizer` freezes them into IDF weights (scikit-learn's
 * smoothed IDF, `ln((1 + N) / (1 + df)) + 1`) and `vectorize` turns features into TF-IDF vectors.
 */
import { i18n } from '#i18n';
import { Block, blockOf, FEATURE_DIMENSION, type PaperFeatures } from './features';
import { fromBase64, toBase64 } from './base64';

export interface DocumentFrequencies {
  /** How many papers were counted. */
  docs: number;
  /** Per feature index, how many of those papers have the feature. */
  readonly counts: Uint32Array;
}

/** Empty statistics. */
export function createDocumentFrequencies(): DocumentFrequencies {
  return { docs: 0, counts: new Uint32Array(FEATURE_DIMENSION) };
}

/**
 * Count one paper's features. The caller counts each paper once (the extension, when a paper is
 * first seen); counting it again would weigh it twice.
 */
export function addDocument(df: DocumentFrequencies, features: PaperFeatures): void {
  const { counts } = df;
  for (const index of features.indices) counts[index] = (counts[index] ?? 0) + 1;
  df.docs += 1;
}

/** How much each block weighs in a paper's vector, relative to its text (whose block norm is 1). */
export interface BlockWeights {
  authors: number;
  categories: number;
}

/**
 * Authors weigh half as much as the words and categories a fifth, set on the method (co-authors
 * recur across a reader's interests; categories only separate the few mixed listings), not on
 * any one evaluation file.
 */
export const DEFAULT_BLOCK_WEIGHTS: BlockWeights = { authors: 0.5, categories: 0.2 };

/** A sparse vector: `indices` ascending and unique (shared with the paper's features), `values` alongside. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/**
 * TF-IDF weighting frozen at one state of the statistics: the IDF of every feature, computed once
 * (650,000 logarithms, a few milliseconds) rather than per paper and term, and each paper's vector
 * memoised, so training and scoring the same listing vectorise each paper once.
 */
export interface Vectorizer {
  readonly idf: Float32Array;
  readonly weights: BlockWeights;
  readonly docs: number;
  readonly cache: WeakMap<PaperFeatures, SparseVector>;
  /** Memo of `sharedPart`. */
  readonly sharedCache: WeakMap<SparseVector, SparseVector>;
}

/** A vectoriser for the statistics as they are now; make a new one when they have grown. */
export function createVectorizer(df: DocumentFrequencies, weights: BlockWeights = DEFAULT_BLOCK_WEIGHTS): Vectorizer {
  const idf = new Float32Array(df.counts.length);
  const docs = Math.log(1 + df.docs);
  for (let i = 0; i < idf.length; i++) idf[i] = docs - Math.log(1 + (df.counts[i] ?? 0)) + 1;
  return { idf, weights, docs: df.docs, cache: new WeakMap(), sharedCache: new WeakMap() };
}

/**
 * A paper's TF-IDF vector: each feature's raw count times its IDF, each block (text, authors,
 * categories) scaled to unit length and then to its weight, and the whole to unit length, so
 * dot products are cosines and a paper's length does not decide its score.
 */
export function vectorize(features: PaperFeatures, vectorizer: Vectorizer): SparseVector {
  const cached = vectorizer.cache.get(features);
  if (cached) return cached;
  const { indices, counts } = features;
  const { idf, weights } = vectorizer;
  const values = new Float32Array(indices.length);
  let text = 0;
  let authors = 0;
  let categories = 0;
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i] ?? 0;
    const value = (counts[i] ?? 0) * (idf[index] ?? 0);
    values[i] = value;
    const block = blockOf(index);
    if (block === Block.Text) text += value * value;
    else if (block === Block.Author) authors += value * value;
    else categories += value * value;
  }
  const textScale = blockScale(text, 1);
  const authorScale = blockScale(authors, weights.authors);
  const categoryScale = blockScale(categories, weights.categories);
  const total = text * textScale ** 2 + authors * authorScale ** 2 + categories * categoryScale ** 2;
  const norm = total > 0 ? 1 / Math.sqrt(total) : 0;
  for (let i = 0; i < indices.length; i++) {
    const block = blockOf(indices[i] ?? 0);
    const scale = block === Block.Text ? textScale : block === Block.Author ? authorScale : categoryScale;
    values[i] = (values[i] ?? 0) * scale * norm;
  }
  const vector = { indices, values };
  vectorizer.cache.set(features, vector);
  return vector;
}

/**
 * A vector without the features no other counted paper has (document frequency at most 1). Such a
 * feature of a negative example can only teach the model about that one paper, so negatives are
 * trained on without them, which shortens every pass of the solver. The paper's own counting may
 * be the 1, so "at most 1" is read off the IDF table.
 */
export function sharedPart(vector: SparseVector, vectorizer: Vectorizer): SparseVector {
  const cached = vectorizer.sharedCache.get(vector);
  if (cached) return cached;
  const { idf } = vectorizer;
  const rare = Math.log((1 + vectorizer.docs) / 2) + 1 - 1e-6;
  let kept = 0;
  for (let i = 0; i < vector.indices.length; i++) if ((idf[vector.indices[i] as number] as number) < rare) kept++;
  const indices = new Int32Array(kept);
  const values = new Float32Array(kept);
  let j = 0;
  for (let i = 0; i < vector.indices.length; i++) {
    const index = vector.indices[i] as number;
    if ((idf[index] as number) < rare) {
      indices[j] = index;
      values[j] = vector.values[i] as number;
      j++;
    }
  }
  const shared = { indices, values };
  vectorizer.sharedCache.set(vector, shared);
  return shared;
}

function blockScale(squareSum: number, weight: number): number {
  return squareSum > 0 ? weight / Math.sqrt(squareSum) : 0;
}

/** Plain-JSON statistics, for IndexedDB and backups: counts as base64 of their little-endian bytes. */
export interface DocumentFrequenciesJson {
  version: 1;
  dimension: number;
  docs: number;
  counts: string;
}

/** Statistics as plain JSON (see `DocumentFrequenciesJson`); about 3.5 MB whatever the number of papers. */
export function toDocumentFrequenciesJson(df: DocumentFrequencies): DocumentFrequenciesJson {
  return { version: 1, dimension: df.counts.length, docs: df.docs, counts: toBase64(new Uint8Array(df.counts.buffer, df.counts.byteOffset, df.counts.byteLength)) };
}

/**
 * Statistics back from `toDocumentFrequenciesJson`. Throws when the JSON is not of this version
 * or its feature space differs (hashing changed): the statistics must then be rebuilt, not misread.
 */
export function parseDocumentFrequenciesJson(json: DocumentFrequenciesJson): DocumentFrequencies {
  if (json.version !== 1 || json.dimension !== FEATURE_DIMENSION) {
    throw new Error(i18n.t('ranking.statisticsUnreadable', { version: String(json.version), dimension: String(json.dimension) }));
  }
  const bytes = fromBase64(json.counts);
  if (bytes.byteLength !== FEATURE_DIMENSION * 4) throw new Error(i18n.t('ranking.statisticsTruncated'));
  return { docs: json.docs, counts: new Uint32Array(bytes.buffer, bytes.byteOffset, FEATURE_DIMENSION) };
}
