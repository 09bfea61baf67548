/**
 * Waiting for arXiv's MathJax 2.7.3. It typesets after load, rewriting the page's text as it
 * goes, so a test that reads text must wait for its first pass to end.
 */
import type { Page } from '@playwright/test';

/** Resolves once MathJax has finished its first typesetting pass (its `End` startup signal). */
export async function typeset(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as { MathJax?: { Hub?: { Register?: unknown } } }).MathJax?.Hub?.Register === 'object');
  // StartupHook also answers for a signal posted before it was registered.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const hub = (window as unknown as { MathJax: { Hub: { Register: { StartupHook(name: string, callback: () => void): void } } } }).MathJax.Hub;
        hub.Register.StartupHook('End', () => done());
      }),
  );
}
