// The background's abstract queue in Firefox ESR: its requests to export.arxiv.org reach the local
// proxy the harness starts (BiDi interception does not see the background), answered from
// tests/fixtures/api. Driven from the options page, an extension page in a tab, as a listing's
// content script would drive it: a sender with a tab, delivery by tabs.sendMessage.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Listing, SEED, byRole, eventually, launchFirefox } from './harness.mjs';

const DAI = ['2602.23220', '2602.22423', '2602.22409', '2602.22392'];

describe('abstracts from arXiv’s API in Firefox', () => {
  let session;

  before(async () => {
    session = await launchFirefox();
  });
  after(async () => {
    await session?.close();
  });

  it('fetches what the cache lacks in one request through the background and delivers it to the tab', async () => {
    const listing = new Listing(await session.fresh());
    // A /new page hands its abstracts to the cache; this one lists none of the author's papers.
    await listing.open(`${SEED}?fixture=classic`);
    await listing.clickToolbarButton('Reading list');
    const list = await session.extensionPage('/reading-list.html');
    await list.locator(byRole('button', 'Options')).click();
    const options = await session.extensionPage('/options.html');
    await options.bringToFront();

    const result = await options.evaluate(async (ids) => {
      const got = [];
      globalThis.siftGot = got;
      browser.runtime.onMessage.addListener((message) => {
        if (message?.type === 'sift.abstracts') got.push(message);
      });
      await browser.runtime.sendMessage({ type: 'abstracts.remember', data: { papers: [{ id: ids[0], title: 'T', authors: [], abstract: 'Remembered.', subjects: [], section: 'new', absUrl: `https://arxiv.org/abs/${ids[0]}` }] } });
      return browser.runtime.sendMessage({ type: 'abstracts.request', data: { ids } });
    }, DAI);
    assert.equal(result.ok, true, result.error);
    assert.deepEqual(result.result.cached.map((paper) => paper.id), [DAI[0]]);
    assert.deepEqual(result.result.queued, DAI.slice(1));

    const delivered = () => options.evaluate(() => globalThis.siftGot.flatMap((message) => message.data.papers.map((paper) => paper.id)).sort());
    await eventually(delivered, DAI.slice(1).sort(), { timeout: 20_000 });
    assert.deepEqual(session.arxivApi.requests.map((request) => request.ids), [DAI.slice(1)]);
    const stellar = await options.evaluate(() => globalThis.siftGot.flatMap((message) => message.data.papers).find((paper) => paper.id === '2602.22423'));
    assert.match(stellar.abstract, /^Tuning parallel file system/);
  });
});
