import { describe, expect, it } from 'vitest';
import { rowWindow } from '@/lib/reading-list/row-window';

const base = { rowHeight: 80, viewportHeight: 400, overscan: 2, count: 10_000 };

describe('rowWindow', () => {
  it.each([
    ['at the top', 0, { start: 0, end: 7 }],
    ['scrolled by whole rows', 800, { start: 8, end: 17 }],
    ['scrolled into the middle of a row', 840, { start: 8, end: 18 }],
    ['at the very bottom', 10_000 * 80 - 400, { start: 9993, end: 10_000 }],
    ['with a scroll position left over from a longer list', 5_000_000, { start: 9993, end: 10_000 }],
    ['with a negative overscroll (macOS bounce)', -50, { start: 0, end: 7 }],
  ])('renders only the visible rows plus overscan %s', (_case, scrollTop, expected) => {
    expect(rowWindow({ ...base, scrollTop })).toEqual({ ...expected, height: 800_000 });
  });

  it('renders a few dozen rows for 10,000 papers, whatever the scroll position', () => {
    for (const scrollTop of [0, 123_456, 799_600]) {
      const { start, end } = rowWindow({ ...base, scrollTop });
      expect(end - start).toBeLessThanOrEqual(10);
    }
  });

  it.each([
    ['an empty list', { ...base, count: 0, scrollTop: 0 }, { start: 0, end: 0, height: 0 }],
    ['a list shorter than the viewport', { ...base, count: 3, scrollTop: 0 }, { start: 0, end: 3, height: 240 }],
    ['a viewport not measured yet', { ...base, viewportHeight: 0, scrollTop: 0 }, { start: 0, end: 2, height: 800_000 }],
  ])('handles %s', (_case, input, expected) => {
    expect(rowWindow(input)).toEqual(expected);
  });
});
