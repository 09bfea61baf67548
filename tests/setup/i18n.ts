/**
 * `browser.i18n` for the unit and DOM tests, answered from locales/en.yml as the browser answers
 * from the built `_locales/en/messages.json`: the fake browser WXT's vitest plugin installs throws
 * on every i18n call, so without this no component or status line could be tested with the words a
 * reader sees.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createGetMessage, loadMessages } from '../../scripts/i18n-catalogue.mjs';

const getMessage = createGetMessage(loadMessages());

function install(): void {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
}

install();
// A test's own fakeBrowser.reset() puts the throwing stubs back.
beforeEach(install);
