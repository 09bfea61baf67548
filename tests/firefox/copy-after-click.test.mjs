// Copy BibTeX in Firefox ESR under Firefox's own clipboard rules. The background writes the entry
// (`export.build`), so the listing's clipboard write comes after an awaited message, and it must
// still count as following the reader's click (transient user activation). The other Firefox
// files turn those rules off to read the clipboard back; this one keeps them, with Firefox's
// default 5 s of activation after a click.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Listing, eventually, launchFirefox } from './harness.mjs';

const ZELASKO = '2602.22434'; // GetBatch: … Piotr Żelasko

describe('Copy BibTeX in Firefox with the clipboard rules on', () => {
  let session;
  let listing;

  before(async () => {
    session = await launchFirefox({ prefs: { 'dom.events.testing.asyncClipboard': false } });
    listing = new Listing(await session.fresh());
    await listing.open();
  });
  after(async () => {
    await session?.close();
  });

  /** The overlay's notices, wherever it puts them: in its shadow root or the page. */
  const notices = () =>
    listing.page.evaluate(() => {
      const roots = [document, document.querySelector('sift-overlay')?.shadowRoot].filter(Boolean);
      return roots.flatMap((root) => [...root.querySelectorAll('[role="status"], [role="alert"]')]).map((node) => node.textContent.trim()).join(' | ');
    });

  it('copies after the background wrote the entry, the click still counting as the gesture', async () => {
    await listing.click(ZELASKO, 'Copy BibTeX');
    await eventually(async () => /Copied BibTeX|Could not copy/.test(await notices()), true, { message: 'the copy settled' });
    assert.match(await notices(), /Copied BibTeX/);
  });

  it('refuses a clipboard write once the activation has lapsed (so the rules above were on)', async () => {
    // The harness's evaluate counts as a gesture; 5.5 s later it no longer does.
    const refused = await listing.page.evaluate(() =>
      new Promise((resolve) => setTimeout(resolve, 5500)).then(() => navigator.clipboard.writeText('too late').then(() => 'written', (error) => error.name)),
    );
    assert.equal(refused, 'NotAllowedError');
  });
});
