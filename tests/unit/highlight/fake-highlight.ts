import type { HighlightSupport } from '../../../lib/highlight/paint';

/** Minimal stand-in for the CSS Custom Highlight API, which happy-dom does not implement. */
export class FakeHighlight {
  readonly ranges: AbstractRange[] = [];
  add(range: AbstractRange): this {
    this.ranges.push(range);
    return this;
  }
}

/** A highlight registry of `FakeHighlight`s, for `paintHighlights`' `support`. */
export function fakeSupport(): HighlightSupport & { registry: Map<string, FakeHighlight> } {
  return { registry: new Map<string, FakeHighlight>(), createHighlight: () => new FakeHighlight() };
}
