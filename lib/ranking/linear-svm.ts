/**
 * An L2-regularised linear SVM with squared hinge loss, solved by dual coordinate descent with
 * shrinking (Hsieh et al., "A Dual Coordinate Descent Method for Large-scale Linear SVM", ICML
 * 2008), the method liblinear and so scikit-learn's `LinearSVC` use; the bias is a constant
 * feature of value 1, regularised like the others, as liblinear's `intercept_scaling = 1`.
 *
 * Written by hand because no small, kept library trains a sparse linear model: `libsvm-js` is
 * libsvm compiled to WebAssembly (kernel SVMs, a wasm binary to fetch and instantiate, last
 * released as 0.2.1); `ml-svm` (mljs) is a kernel SMO over dense rows; `ml-logistic-regression`
 * works on dense `ml-matrix` matrices, hopeless at 650,000 hashed features. The solver is a page.
 */
import type { SparseVector } from './document-frequencies';

export interface SvmExample {
  readonly vector: SparseVector;
  /** +1 or -1. */
  readonly label: 1 | -1;
  /** This example's C (the regulariser's inverse), class balancing and down-weighting folded in. */
  readonly cost: number;
}

export interface SvmOptions {
  /** The length of the weight vector: every index of every example is below it. */
  dimension: number;
  /** Stop when the projected gradient's spread falls below this (liblinear's `eps`, and its default 0.1). */
  tolerance?: number;
  /** Passes over the data at most. Default 200. */
  maxEpochs?: number;
  /** The order of the coordinates is shuffled from this seed, so training is reproducible. */
  seed?: number;
}

export interface LinearFunction {
  readonly weights: Float64Array | Float32Array;
  readonly bias: number;
}

/** mulberry32: a small, fast, seedable PRNG; the solver only needs a reproducible shuffle. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `w·x + b` for a sparse `x`. */
export function decisionValue(fn: LinearFunction, vector: SparseVector): number {
  const { weights } = fn;
  const { indices, values } = vector;
  let sum = fn.bias;
  for (let i = 0; i < indices.length; i++) sum += (weights[indices[i] ?? 0] ?? 0) * (values[i] ?? 0);
  return sum;
}

/** Index spaces up to this size are trained in place: renumbering them would cost more than it saves. */
const COMPACT_ABOVE = 1 << 16;

/**
 * Train `min ½‖w‖² + ½b² + Σᵢ Cᵢ max(0, 1 − yᵢ(w·xᵢ + b))²` (see the module comment). The same
 * examples in the same order with the same seed give the same function, bit for bit.
 *
 * @example trainLinearSvm([{ vector, label: 1, cost: 1 }, …], { dimension: FEATURE_DIMENSION })
 */
export function trainLinearSvm(examples: readonly SvmExample[], options: SvmOptions): { weights: Float32Array; bias: number } {
  if (options.dimension <= COMPACT_ABOVE) return solve(examples, examples.map((example) => example.vector.indices), options.dimension, options);
  // Train over the features the examples use, renumbered densely: the weights they touch then sit
  // together in cache instead of spread over the 650,000-wide hashed space.
  const local = new Int32Array(options.dimension).fill(-1);
  const globalOf: number[] = [];
  const rows: Int32Array[] = [];
  for (const example of examples) {
    const source = example.vector.indices;
    const indices = new Int32Array(source.length);
    for (let t = 0; t < source.length; t++) {
      const index = source[t] as number;
      let l = local[index] as number;
      if (l < 0) {
        l = globalOf.push(index) - 1;
        local[index] = l;
      }
      indices[t] = l;
    }
    rows.push(indices);
  }
  const compact = solve(examples, rows, globalOf.length, options);
  const weights = new Float32Array(options.dimension);
  for (let l = 0; l < globalOf.length; l++) weights[globalOf[l] as number] = compact.weights[l] as number;
  return { weights, bias: compact.bias };
}

/**
 * The dual coordinate descent itself. Index reads in the two inner loops are cast rather than
 * defaulted: every index is below `dimension` by construction, and these loops are the cost.
 */
function solve(examples: readonly SvmExample[], rows: readonly Int32Array[], dimension: number, options: SvmOptions): { weights: Float32Array; bias: number } {
  // Single precision: half the memory traffic, and ranking needs no more.
  const weights = new Float32Array(dimension);
  const tolerance = options.tolerance ?? 0.1;
  const maxEpochs = options.maxEpochs ?? 200;
  const random = seededRandom(options.seed ?? 1);
  const n = examples.length;
  const alpha = new Float64Array(n);
  const diagonal = new Float64Array(n);
  const qd = new Float64Array(n);
  const order = new Int32Array(n);
  examples.forEach((example, i) => {
    diagonal[i] = 0.5 / example.cost;
    let squared = 1;
    for (const value of example.vector.values) squared += value * value;
    qd[i] = squared + (diagonal[i] ?? 0);
    order[i] = i;
  });
  let bias = 0;
  let active = n;
  let pgMaxOld = Infinity;
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    for (let s = 0; s < active; s++) {
      const j = s + Math.floor(random() * (active - s));
      const swap = order[s] ?? 0;
      order[s] = order[j] ?? 0;
      order[j] = swap;
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < active; s++) {
      const i = order[s] ?? 0;
      const example = examples[i];
      const indices = rows[i];
      if (!example || !indices) continue;
      const values = example.vector.values;
      const y = example.label;
      let wx = bias;
      for (let t = 0; t < indices.length; t++) wx += (weights[indices[t] as number] as number) * (values[t] as number);
      const a = alpha[i] ?? 0;
      const gradient = y * wx - 1 + (diagonal[i] ?? 0) * a;
      let projected = gradient;
      if (a === 0) {
        if (gradient > pgMaxOld) {
          // Bound and likely to stay so: drop it from this round (liblinear's shrinking).
          active--;
          order[s] = order[active] ?? 0;
          order[active] = i;
          s--;
          continue;
        }
        if (gradient > 0) projected = 0;
      }
      pgMax = Math.max(pgMax, projected);
      pgMin = Math.min(pgMin, projected);
      if (Math.abs(projected) > 1e-12) {
        const next = Math.max(a - gradient / (qd[i] ?? 1), 0);
        const step = (next - a) * y;
        alpha[i] = next;
        for (let t = 0; t < indices.length; t++) {
          const index = indices[t] as number;
          weights[index] = (weights[index] as number) + step * (values[t] as number);
        }
        bias += step;
      }
    }
    if (pgMax - pgMin <= tolerance) {
      if (active === n) break;
      active = n;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
  return { weights, bias };
}
