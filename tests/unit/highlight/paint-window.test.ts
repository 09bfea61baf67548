import { describe, expect, it } from 'vitest';
import { nextPaintWindow, PAINT_REACH } from '../../../lib/highlight/paint-window';

describe('nextPaintWindow', () => {
  it('paints the reach on each side of the entries in view, clipped to the listing', () => {
    expect(nextPaintWindow(undefined, 500, 503, 2000)).toEqual({ from: 500 - PAINT_REACH, to: 504 + PAINT_REACH });
    expect(nextPaintWindow(undefined, 0, 3, 2000)).toEqual({ from: 0, to: 4 + PAINT_REACH });
    expect(nextPaintWindow(undefined, 1995, 1999, 2000)).toEqual({ from: 1995 - PAINT_REACH, to: 2000 });
  });

  it('keeps the window while the view stays half the reach inside it, and moves it after', () => {
    const painted = nextPaintWindow(undefined, 500, 503, 2000)!;
    expect(nextPaintWindow(painted, 500 + PAINT_REACH / 2 - 4, 503 + PAINT_REACH / 2 - 4, 2000)).toBeUndefined();
    expect(nextPaintWindow(painted, 500 - PAINT_REACH / 2, 503 - PAINT_REACH / 2, 2000)).toBeUndefined();
    expect(nextPaintWindow(painted, 540, 543, 2000)).toEqual({ from: 540 - PAINT_REACH, to: 544 + PAINT_REACH });
    expect(nextPaintWindow(painted, 469, 472, 2000)).toEqual({ from: 469 - PAINT_REACH, to: 473 + PAINT_REACH });
  });

  it('keeps a window that reaches the listing end however close the view comes to it', () => {
    const atTop = nextPaintWindow(undefined, 0, 3, 2000)!;
    expect(nextPaintWindow(atTop, 0, 1, 2000)).toBeUndefined();
    const atEnd = nextPaintWindow(undefined, 1990, 1999, 2000)!;
    expect(nextPaintWindow(atEnd, 1996, 1999, 2000)).toBeUndefined();
  });
});
