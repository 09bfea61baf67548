import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for an augmented arXiv listing: queries by role and accessible name. */
export class ListingPage {
  constructor(readonly page: Page) {}

  async open(path: string) {
    await this.page.goto(`https://arxiv.org${path}`);
    await this.ready();
  }

  /** Waits until Sift has attached to the page and loaded the annotations. */
  async ready() {
    await expect(this.page.locator('html[data-sift-ready]')).toBeAttached();
  }

  get starButtons(): Locator {
    return this.page.getByRole('button', { name: 'Star', exact: true });
  }

  /** The listing entry (`dt`) of a paper, by arXiv id. */
  entry(id: string): Locator {
    return this.page.locator(`dt[data-sift-entry="${id}"], li[data-sift-entry="${id}"], [data-sift-entry="${id}"]`).first();
  }

  starOf(id: string): Locator {
    return this.entry(id).getByRole('button', { name: 'Star', exact: true });
  }
}
