import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { rowWindow } from '@/lib/reading-list/row-window';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row's height in pixels; rows must not grow (clip or ellipsize their text). */
  rowHeight: number;
  /** The list's accessible name. */
  label: string;
  keyOf(item: T): string;
  renderRow(item: T, index: number): ComponentChildren;
  /** Shown instead of the list when `items` is empty. */
  empty?: ComponentChildren;
}

const OVERSCAN = 6;

/**
 * A scrolling list that renders only the rows in view (see lib/reading-list/row-window.ts for why
 * by hand). Each rendered `<li>` carries `aria-setsize` / `aria-posinset`, so screen readers still
 * announce "item 4,210 of 10,000" although only a few dozen items exist in the DOM.
 */
export function VirtualList<T>({ items, rowHeight, label, keyOf, renderRow, empty }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setViewportHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { start, end, height } = rowWindow({ scrollTop, viewportHeight, rowHeight, count: items.length, overscan: OVERSCAN });
  const rows = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    rows.push(
      <li key={keyOf(item)} class="virtual-row" style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }} aria-setsize={items.length} aria-posinset={i + 1}>
        {renderRow(item, i)}
      </li>,
    );
  }
  return (
    <div class="viewport" ref={viewport} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      {items.length === 0 && empty}
      <ul class="virtual-list" aria-label={label} style={{ height: `${height}px` }}>
        {rows}
      </ul>
    </div>
  );
}
