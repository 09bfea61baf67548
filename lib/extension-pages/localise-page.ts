/**
 * Gives an extension page its title, language and direction from `browser.i18n`, so the tab strip,
 * screen readers and hyphenation follow the language the words are in. The pages' HTML carries
 * no text of its own (tests/unit/i18n checks), since HTML is not run through the catalogue.
 */
import { i18n } from '#i18n';

export function localisePage(title: string, root: HTMLElement = document.documentElement): void {
  root.ownerDocument.title = title;
  root.lang = i18n.t('@@ui_locale').replace('_', '-');
  root.dir = i18n.t('@@bidi_dir');
}
