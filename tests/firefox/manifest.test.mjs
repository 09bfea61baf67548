// What the add-on store and Firefox read from the production manifests, and what must never be
// in them. No browser needed: these read the output of `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ADDON_ID, READER_FIREFOX_BUILD } from './harness.mjs';

const OUT = resolve(READER_FIREFOX_BUILD, '..');
const PRODUCTION_BUILDS = ['chrome-mv3', 'firefox-mv2'];

function manifestOf(build) {
  const path = join(OUT, build, 'manifest.json');
  assert.ok(existsSync(path), `${path} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * The first Firefox with each web feature and manifest key Sift relies on (MDN browser-compat
 * data). The manifest's strict_min_version must be at least the newest of them.
 */
const FIREFOX_SINCE = [
  ['CSS Custom Highlight API (Highlight, CSS.highlights, ::highlight())', 140],
  ['browser_specific_settings.gecko.data_collection_permissions', 140],
  ['HTMLDialogElement.showModal', 98],
  ['crypto.randomUUID', 95],
  ['structuredClone', 94],
  ['Object.hasOwn', 92],
  ['Array.prototype.at', 90],
  ['addEventListener({ signal })', 86],
  ['StaticRange constructor', 71],
  ['Element.toggleAttribute, :host()', 63],
];

describe('the production Firefox manifest', () => {
  const manifest = manifestOf('firefox-mv2');
  const gecko = manifest.browser_specific_settings?.gecko ?? {};

  it('has the stable add-on id, so updates keep the same add-on and its data', () => {
    assert.equal(gecko.id, ADDON_ID);
  });

  it('declares that no data is collected', () => {
    assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  });

  it('requires a Firefox that has every web feature and manifest key Sift uses', () => {
    const minimum = Number.parseFloat(gecko.strict_min_version);
    assert.deepEqual(FIREFOX_SINCE.filter(([, since]) => since > minimum), [], `strict_min_version ${gecko.strict_min_version} is too old for these`);
    assert.equal(minimum, Math.max(...FIREFOX_SINCE.map(([, since]) => since)), 'and no newer than the newest of them needs');
  });

  it('requires Firefox for Android 142, the first that reads data_collection_permissions', () => {
    assert.equal(manifest.browser_specific_settings?.gecko_android?.strict_min_version, '142.0');
  });
});

describe('every production manifest', () => {
  for (const build of PRODUCTION_BUILDS) {
    it(`${build} exposes no extension page or file to web pages (no web_accessible_resources)`, () => {
      // Anything listed there can be loaded, framed or probed by arXiv's page and any other site:
      // a test-only bridge into the extension must never ship.
      assert.equal(manifestOf(build).web_accessible_resources, undefined);
    });
  }
});
