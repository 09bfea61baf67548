import { describe, expect, it } from 'vitest';
import { toBatches } from '@/lib/reading-list/batches';

describe('toBatches', () => {
  it.each([
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
    [[1, 2, 3, 4], 2, [[1, 2], [3, 4]]],
    [[1], 5000, [[1]]],
    [[], 3, []],
  ])('splits %j into batches of %i', (items, size, expected) => {
    expect(toBatches(items, size)).toEqual(expected);
  });

  it('sends a 12,000-paper selection as three messages the store accepts', () => {
    const batches = toBatches(Array.from({ length: 12_000 }, (_, i) => i), 5000);
    expect(batches.map((batch) => batch.length)).toEqual([5000, 5000, 2000]);
  });

  it.each([0, -1, 1.5])('refuses a batch size of %s', (size) => {
    expect(() => toBatches([1], size)).toThrow(RangeError);
  });
});
