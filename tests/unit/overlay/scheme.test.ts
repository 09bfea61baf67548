import { describe, expect, it } from 'vitest';
import { parseCssColor, relativeLuminance } from '@/lib/overlay/scheme';

describe('parseCssColor', () => {
  it.each([
    ['rgb(255, 255, 255)', [255, 255, 255]],
    ['rgba(18, 18, 18, 1)', [18, 18, 18]],
    ['rgb(18 18 18 / 90%)', [18, 18, 18]],
    ['rgba(0, 0, 0, 0)', undefined],
    ['transparent', undefined],
  ])('%s → %j', (value, expected) => {
    expect(parseCssColor(value)).toEqual(expected);
  });
});

describe('relativeLuminance', () => {
  it('orders black, arXiv red and white', () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1);
    expect(relativeLuminance([179, 27, 27])).toBeGreaterThan(0.05);
    expect(relativeLuminance([179, 27, 27])).toBeLessThan(0.2);
  });
});
