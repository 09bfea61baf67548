import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { CHROME_BUILD, READER_BUILD, launchWithExtension } from '../../scripts/launch.mjs';
import { routeArxiv } from '../../scripts/arxiv-routes.mjs';

/** One request the background made to arXiv's API, as the route saw it. */
export interface ApiRequestRecord {
  /** When the route saw it (epoch ms). */
  at: number;
  method: string;
  ids: string[];
}

/** What a test can script for an API request: a response, or `'abort'` for a network failure. */
export type ApiAnswer = { status: number; contentType: string; body: string; headers: Record<string, string> } | 'abort';

export type ApiAnswerer = (request: ApiRequestRecord) => ApiAnswer | undefined | Promise<ApiAnswer | undefined>;

export interface ArxivApi {
  /** Every API request so far, in order. */
  requests: ApiRequestRecord[];
  /**
   * Answers the following requests with `answer`, which may take its time (a slow arXiv); its
   * `undefined` falls back to the fixtures, and `answerWith(undefined)` restores them.
   */
  answerWith(answer: ApiAnswerer | undefined): void;
}

interface SiftFixtures {
  context: BrowserContext;
  /**
   * arXiv's API as the background sees it: answered from tests/fixtures/api by requested ids
   * (Chromium's `context.route` sees the service worker's requests), each request recorded.
   */
  arxivApi: ArxivApi;
  extensionId: string;
  /** Opens an extension page such as `reading-list.html` in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops the background service worker the way the browser does when it idles. */
  stopServiceWorker(): Promise<void>;
  /**
   * Leave the welcome tab Sift opens on install where it is, in front (the first-run spec reads
   * it). Otherwise it is closed before the test starts and the test's page is brought to front.
   */
  keepWelcome: boolean;
  /**
   * Which build to load: the test build (`npm run build:test`, open shadow roots, which locators
   * need) or the one a reader installs (`npm run build`, closed roots), for the tests that check
   * what a page can see.
   */
  build: 'test' | 'reader';
  /** Extra Chromium switches, such as `--lang=de` for the browser's interface language. */
  browserArgs: string[];
}

/**
 * Waits for the welcome tab a fresh install opens and closes it. Left open, it is the tab in
 * front, and Chromium renders the test's page behind it at one frame a second: every click then
 * waits seconds for the element to be "stable" (two equal frames), and frame timings mean nothing.
 */
async function closeWelcomeTab(context: BrowserContext, extensionId: string): Promise<void> {
  const isWelcome = (page: Page) => page.url() === `chrome-extension://${extensionId}/welcome.html`;
  const welcome =
    context.pages().find(isWelcome) ??
    (await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }).catch(() => undefined));
  await welcome?.close();
}

/**
 * Chromium with the built extension (`.output-test/chrome-mv3`, or the reader's build) in a fresh profile, every arxiv.org
 * request answered from tests/fixtures and every other host refused, so no test reaches the network.
 */
export const test = base.extend<SiftFixtures & { launched: { context: BrowserContext; extensionId: string; arxivApi: ArxivApi } }>({
  keepWelcome: [false, { option: true }],
  build: ['test', { option: true }],
  browserArgs: [[], { option: true }],
  launched: async ({ keepWelcome, build, browserArgs }, use) => {
    const launched = await launchWithExtension({ extensionPath: build === 'reader' ? READER_BUILD : CHROME_BUILD, args: browserArgs });
    if (!keepWelcome) await closeWelcomeTab(launched.context, launched.extensionId);
    let answer: ApiAnswerer | undefined;
    const arxivApi: ArxivApi = { requests: [], answerWith: (next) => void (answer = next) };
    await routeArxiv(launched.context, {
      onApiRequest: (request: ApiRequestRecord) => {
        arxivApi.requests.push(request);
        return answer?.(request);
      },
    });
    // The catch-all route above refuses every host but arXiv, which would include the extension's
    // own pages' scripts; the route registered last is asked first, so this lets them load.
    await launched.context.route(`chrome-extension://${launched.extensionId}/**`, (route) => route.continue());
    await use({ ...launched, arxivApi });
    await launched.context.close();
  },
  context: async ({ launched }, use) => use(launched.context),
  arxivApi: async ({ launched }, use) => use(launched.arxivApi),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.bringToFront();
    await use(page);
  },
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
      const workers = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(extensionId));
      if ((await workers()).length === 0) throw new Error('no running service worker to stop');
      // A message still in flight (a tab re-reading after a broadcast) may wake the worker again,
      // so stop it until the browser's target list shows none running.
      await expect
        .poll(async () => {
          for (const worker of await workers()) await cdp.send('Target.closeTarget', { targetId: worker.targetId });
          await new Promise((resolve) => setTimeout(resolve, 200));
          return (await workers()).length;
        })
        .toBe(0);
      await cdp.detach();
    }),
});

export { expect };
