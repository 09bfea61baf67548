/**
 * Layout shifts inside arXiv's listing (`#dlpage`, the toolbar's host included), as the browser's
 * layout-shift attribution names them: up to five moved nodes per shift. The page alone shifts
 * nothing there, so any entry is a shift Sift caused.
 */
import type { Page } from '@playwright/test';

/** Starts recording on the page's next navigation (call before `goto` or `reload`). */
export async function recordListingShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Shift extends PerformanceEntry {
      sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }
    const moved: string[] = [];
    Object.assign(window, { siftTestMoved: moved });
    new PerformanceObserver((list) => {
      for (const shift of list.getEntries() as Shift[]) {
        for (const { node, previousRect, currentRect } of shift.sources) {
          if (!node || !document.getElementById('dlpage')?.contains(node)) continue;
          const name = node instanceof Element ? `${node.localName}${node.className ? `.${String(node.className).replace(/ /g, '.')}` : ''}` : '#text';
          moved.push(`${name} ${Math.round(previousRect.y)},${Math.round(previousRect.x)} → ${Math.round(currentRect.y)},${Math.round(currentRect.x)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** What moved so far, once the shifts of the last frame have been reported (a frame later). */
export async function listingShifts(page: Page): Promise<string[]> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  return page.evaluate(() => (window as unknown as { siftTestMoved: string[] }).siftTestMoved);
}
