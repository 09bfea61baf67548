import { describe, expect, it } from 'vitest';
import { trainLinearSvm, type SvmExample } from '../../../lib/ranking/linear-svm';

const unit = (index: number): { indices: Int32Array; values: Float32Array } => ({ indices: Int32Array.of(index), values: Float32Array.of(1) });

describe('trainLinearSvm', () => {
  it.each([0.1, 1, 10])('finds the closed-form optimum on two orthogonal points (C = %d)', (c) => {
    // x₁ = e₀ (+1), x₂ = e₁ (−1), bias feature 1. By symmetry α₁ = α₂ = α minimises
    // α²(1 + 1/(2C)) − 2α, so α = 2C / (2C + 1), w = (α, −α) and b = 0.
    const examples: SvmExample[] = [
      { vector: unit(0), label: 1, cost: c },
      { vector: unit(1), label: -1, cost: c },
    ];
    const fn = trainLinearSvm(examples, { dimension: 4, tolerance: 1e-6, maxEpochs: 10_000 });
    const alpha = (2 * c) / (2 * c + 1);
    expect(fn.weights[0]).toBeCloseTo(alpha, 4);
    expect(fn.weights[1]).toBeCloseTo(-alpha, 4);
    expect(fn.bias).toBeCloseTo(0, 4);
    expect(fn.weights[2]).toBe(0);
  });

  it('separates a small table and is the same bit for bit on the same data', () => {
    const examples: SvmExample[] = [];
    for (let i = 0; i < 40; i++) {
      const positive = i % 4 === 0;
      examples.push({
        vector: { indices: Int32Array.of(positive ? 0 : 1, 2 + (i % 5)), values: Float32Array.of(0.8, 0.6) },
        label: positive ? 1 : -1,
        cost: 1,
      });
    }
    const first = trainLinearSvm(examples, { dimension: 8 });
    const second = trainLinearSvm(examples, { dimension: 8 });
    expect(Array.from(first.weights)).toEqual(Array.from(second.weights));
    expect(first.bias).toBe(second.bias);
    expect(first.weights[0]).toBeGreaterThan(0);
    expect(first.weights[1]).toBeLessThan(0);
  });
});
