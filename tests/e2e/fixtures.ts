import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension } from '../../scripts/launch.mjs';
import { routeArxiv } from '../../scripts/arxiv-routes.mjs';

interface SiftFixtures {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page such as `reading-list.html` in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops the background service worker the way the browser does when it idles. */
  stopServiceWorker(): Promise<void>;
}

/**
 * Chromium with the built extension (`.output/chrome-mv3`) in a fresh profile, every arxiv.org
 * request answered from tests/fixtures and every other host refused, so no test reaches the network.
 */
export const test = base.extend<SiftFixtures & { launched: { context: BrowserContext; extensionId: string } }>({
  launched: async ({}, use) => {
    const launched = await launchWithExtension();
    await routeArxiv(launched.context);
    await use(launched);
    await launched.context.close();
  },
  context: async ({ launched }, use) => use(launched.context),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  page: async ({ context }, use) => use(context.pages()[0] ?? (await context.newPage())),
  openExtensionPage: async ({ context, extensionId }, use) =>
    use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    }),
  stopServiceWorker: async ({ context, extensionId }, use) =>
    use(async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
      if (!worker) throw new Error('no service worker target to stop');
      await cdp.send('Target.closeTarget', { targetId: worker.targetId });
      await cdp.detach();
    }),
});

export { expect };
