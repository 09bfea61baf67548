import { isContextInvalidated } from './context-invalidated';
import type { Feature, FeatureContext } from './feature';

/**
 * Starts every feature that runs on this page kind. A failing feature is logged with its id and
 * the others keep running; one that finds the extension gone (updated under the tab) calls
 * `detach`. Resolves when every feature's `init` has settled; the synchronous part of each has
 * run (its controls are on the page) when this returns.
 */
export function runFeatures(features: readonly Feature[], context: FeatureContext, detach: () => void): Promise<void> {
  const started = features
    .filter((feature) => feature.include.includes(context.page.kind))
    .map(async (feature) => {
      try {
        await feature.init(context);
      } catch (error) {
        if (isContextInvalidated(error)) detach();
        else console.error(`[sift] feature ${feature.id} failed; the others keep running`, error);
      }
    });
  return Promise.all(started).then(() => undefined);
}
