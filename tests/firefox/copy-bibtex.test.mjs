// Copy BibTeX on a listing in Firefox ESR: the background writes the entry (`export.build`, so the
// content script carries no exporter) and the listing puts it on the clipboard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Listing, eventually, launchFirefox } from './harness.mjs';

const ZELASKO = '2602.22434'; // GetBatch: … Piotr Żelasko

describe('Copy BibTeX on a listing in Firefox', () => {
  let session;
  let listing;

  before(async () => {
    session = await launchFirefox();
    listing = new Listing(await session.fresh());
    await listing.open();
  });
  after(async () => {
    await session?.close();
  });

  it('puts the entry, as the background wrote it, on the clipboard', async () => {
    await listing.click(ZELASKO, 'Copy BibTeX');
    const copied = () => listing.page.evaluate(() => navigator.clipboard.readText());
    await eventually(async () => (await copied()).includes(`eprint={${ZELASKO}}`), true, { message: 'the entry is on the clipboard' });
    assert.match(await copied(), /author=\{[^}]*\{\\\.Z\}elasko, Piotr\}/);
  });
});
