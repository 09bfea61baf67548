/**
 * Ranking metrics of the evaluation protocol (binary relevance, one ranked candidate list per
 * user-day) and their aggregation: mean over a user's days first, then over users, with a
 * percentile bootstrap over users for the 95% interval.
 */
import { seededRandom } from '@/lib/ranking/linear-svm';

/**
 * nDCG@k with binary gains: `Σ rel_i / log2(i + 1)` over the first k ranks, divided by the same
 * sum for the ideal order (every relevant paper first). `relevant[i]` is the paper at rank i + 1.
 * Undefined (NaN) when nothing is relevant.
 */
export function ndcgAt(relevant: readonly boolean[], k: number): number {
  const total = relevant.filter(Boolean).length;
  if (total === 0) return Number.NaN;
  let dcg = 0;
  for (let i = 0; i < Math.min(k, relevant.length); i++) if (relevant[i]) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, total); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/** Precision@k: relevant papers among the first k ranks, over k (not over the list's length). */
export function precisionAt(relevant: readonly boolean[], k: number): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, relevant.length); i++) if (relevant[i]) hits++;
  return hits / k;
}

/** Recall@k: relevant papers among the first k ranks, over all relevant papers (NaN when none). */
export function recallAt(relevant: readonly boolean[], k: number): number {
  const total = relevant.filter(Boolean).length;
  if (total === 0) return Number.NaN;
  let hits = 0;
  for (let i = 0; i < Math.min(k, relevant.length); i++) if (relevant[i]) hits++;
  return hits / total;
}

/**
 * AUC of a ranked list: the share of (relevant, non-relevant) pairs in which the relevant paper
 * ranks higher. Taken from the final order, so ties in a method's scores count as that order
 * broke them (arXiv's order), the way the reader sees them. NaN without both kinds of paper.
 */
export function aucOf(relevant: readonly boolean[]): number {
  let positives = 0;
  let negatives = 0;
  let correct = 0;
  for (const isRelevant of relevant) {
    if (isRelevant) positives++;
    else {
      negatives++;
      correct += positives;
    }
  }
  if (positives === 0 || negatives === 0) return Number.NaN;
  // `correct` counted (relevant above non-relevant) pairs from the non-relevant side.
  return correct / (positives * negatives);
}

/** The mean of the finite values, NaN when there are none. */
export function meanOf(values: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (Number.isFinite(value)) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, linearly interpolated (NumPy's default). */
export function quantileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
}

/**
 * Percentile bootstrap 95% interval of the mean of `values` (one per user): `resamples` draws of
 * as many users with replacement from a seeded generator, so a run is reproducible; the 2.5th and
 * 97.5th percentiles of the resampled means. Non-finite values are left out first.
 */
export function bootstrapInterval(values: readonly number[], resamples = 1000, seed = 1): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [Number.NaN, Number.NaN];
  const random = seededRandom(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < finite.length; i++) sum += finite[Math.floor(random() * finite.length)] ?? 0;
    means.push(sum / finite.length);
  }
  means.sort((a, b) => a - b);
  return [quantileOf(means, 0.025), quantileOf(means, 0.975)];
}
