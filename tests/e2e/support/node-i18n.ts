/**
 * Import first in a spec that imports lib modules with interface text (the shortcut table, the
 * export formats' labels): the spec runs in Node, where no `browser.i18n` exists, and this installs
 * one over locales/en.yml before those modules are evaluated.
 */
import { installCatalogue } from '../../../scripts/i18n-catalogue.mjs';

installCatalogue();
