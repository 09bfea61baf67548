/**
 * Gives an extension page its title, language and direction from `browser.i18n`, so the tab strip,
 * screen readers and hyphenation follow the language the words are in. The pages' HTML carries
 * no text of its own (tests/unit/i18n checks), since HTML is not run through the catalogue.
 * The language is the catalogue's own (`lang`, `dir`), not Chrome's @@ui_locale: a browser in a
 * language Sift has no translation for shows the English catalogue, and Debian's Chromium without
 * its language packs reports en-US while answering from _locales/de under `--lang=de`.
 */
import { i18n } from '#i18n';

export function localisePage(title: string, root: HTMLElement = document.documentElement): void {
  root.ownerDocument.title = title;
  root.lang = i18n.t('lang');
  root.dir = i18n.t('dir');
}
