import { describe, expect, it } from 'vitest';
import { aucOf, bootstrapInterval, meanOf, ndcgAt, precisionAt, quantileOf, recallAt } from '../../../bench/eval-ranking/metrics';

const T = true;
const F = false;

describe('ranking metrics', () => {
  it.each([
    // One relevant paper at rank 2: DCG = 1/log2(3), ideal 1.
    [[F, T, F, F], 10, 1 / Math.log2(3)],
    // Relevant at ranks 1 and 3: (1 + 1/2) / (1 + 1/log2(3)).
    [[T, F, T, F], 10, 1.5 / (1 + 1 / Math.log2(3))],
    [[T, T, F], 10, 1],
    // Relevant only beyond the cut-off.
    [[F, F, T], 2, 0],
  ])('nDCG of %j at %d is %d', (relevant, k, expected) => {
    expect(ndcgAt(relevant, k)).toBeCloseTo(expected, 10);
  });

  it('nDCG is undefined without a relevant paper', () => {
    expect(ndcgAt([F, F], 10)).toBeNaN();
  });

  it('precision@10 divides by 10 even on a short list; recall@25 by the relevant count', () => {
    expect(precisionAt([T, F, T], 10)).toBeCloseTo(0.2, 10);
    expect(recallAt([T, ...Array<boolean>(30).fill(F), T], 25)).toBeCloseTo(0.5, 10);
  });

  it.each([
    [[T, F, F, F], 1],
    [[F, F, F, T], 0],
    // The relevant paper is above 2 of 3 non-relevant ones.
    [[F, T, F, F], 2 / 3],
    // Pairs (r1 above n1, n2), (r2 above n2): 3 of 4.
    [[T, F, T, F], 3 / 4],
  ])('AUC of %j is %d', (relevant, expected) => {
    expect(aucOf(relevant)).toBeCloseTo(expected, 10);
  });

  it('AUC is undefined without both kinds of paper', () => {
    expect(aucOf([T, T])).toBeNaN();
    expect(aucOf([F])).toBeNaN();
  });

  it('means skip undefined values; quantiles interpolate like NumPy', () => {
    expect(meanOf([1, Number.NaN, 3])).toBe(2);
    expect(meanOf([Number.NaN])).toBeNaN();
    expect(quantileOf([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOf([0, 10], 0.025)).toBeCloseTo(0.25, 10);
  });
});

describe('bootstrapInterval', () => {
  it('is a point when every user scores the same', () => {
    const [low, high] = bootstrapInterval([0.4, 0.4, 0.4], 200, 1);
    expect(low).toBeCloseTo(0.4, 12);
    expect(high).toBeCloseTo(0.4, 12);
  });

  it('is reproducible from its seed and brackets the mean', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i % 10) / 10);
    const a = bootstrapInterval(values, 500, 7);
    expect(bootstrapInterval(values, 500, 7)).toEqual(a);
    expect(a[0]).toBeLessThan(0.45);
    expect(a[1]).toBeGreaterThan(0.45);
    // The standard error of the mean is about 0.29 / √200 ≈ 0.02: the interval is about ±0.04.
    expect(a[1] - a[0]).toBeGreaterThan(0.05);
    expect(a[1] - a[0]).toBeLessThan(0.11);
  });
});
