// Sift's message catalogue outside the browser: the vitest setup and the bundles `npm run bench`
// and `npm run eval:ranking` build run lib code where no `browser.i18n` exists. Both read
// locales/en.yml through @wxt-dev/i18n's own build functions, so they see exactly the messages the
// built extension's _locales/en/messages.json holds, and answer as Chrome's getMessage does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

const PREDEFINED = { '@@ui_locale': 'en', '@@bidi_dir': 'ltr' };

/**
 * The catalogue's messages in Chrome's messages.json shape, from `locales/en.yml` under `root`.
 * Synchronous, so `installCatalogue` can run before any module that reads the API is evaluated.
 */
export function loadMessages(root = process.cwd()) {
  return generateChromeMessages(parseMessagesText(readFileSync(resolve(root, 'locales/en.yml'), 'utf8'), 'YAML'));
}

/**
 * `getMessage(name, substitutions)` over `messages`, by Chrome's rules: `$name$` placeholders
 * first, then `$1`…`$9` from the substitutions, `$$` for a dollar. An unknown name throws instead
 * of giving Chrome's empty string, so a key missing from en.yml fails the test that shows it.
 */
export function createGetMessage(messages) {
  return (name, substitutions) => {
    if (name in PREDEFINED) return PREDEFINED[name];
    const entry = messages[name];
    if (entry === undefined) throw new Error(`i18n: no message "${name}" in locales/en.yml`);
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const withPlaceholders = Object.entries(entry.placeholders ?? {}).reduce(
      (text, [placeholder, { content }]) => text.replaceAll(new RegExp(`\\$${placeholder}\\$`, 'gi'), content),
      entry.message,
    );
    return withPlaceholders.replace(/\$(\$|[1-9])/g, (_, which) => (which === '$' ? '$' : (values[Number(which) - 1] ?? '')));
  };
}

/**
 * Gives Node a `chrome.i18n` over the catalogue, for the Playwright specs and Firefox tests that
 * import lib modules with interface text (an expected label, the shortcut table). Import the
 * module that calls it before those modules: @wxt-dev/browser reads `chrome` once, when evaluated.
 */
export function installCatalogue(root = new URL('..', import.meta.url).pathname) {
  const getMessage = createGetMessage(loadMessages(root));
  globalThis.chrome = Object.assign(globalThis.chrome ?? {}, { i18n: { getMessage, getUILanguage: () => 'en' } });
}

/**
 * An esbuild plugin that makes `#i18n` work in a bundle run outside the extension: it installs
 * `chrome.i18n.getMessage` over the catalogue before WXT's generated `#i18n` module (and the
 * `@wxt-dev/browser` it reads the API from) is evaluated.
 */
export function i18nEsbuildPlugin(root) {
  return {
    name: 'sift-i18n',
    setup(builder) {
      builder.onResolve({ filter: /^#i18n$/ }, () => ({ path: 'i18n', namespace: 'sift-i18n' }));
      builder.onResolve({ filter: /^sift-i18n:install$/ }, () => ({ path: 'install', namespace: 'sift-i18n' }));
      builder.onLoad({ filter: /.*/, namespace: 'sift-i18n' }, async (args) => {
        if (args.path === 'i18n') {
          return {
            contents: `import 'sift-i18n:install';\nexport { i18n } from ${JSON.stringify(resolve(root, '.wxt/i18n/index.ts'))};\n`,
            resolveDir: root,
            loader: 'js',
          };
        }
        const messages = loadMessages(root);
        return {
          contents: [
            `const PREDEFINED = ${JSON.stringify(PREDEFINED)};`,
            `const messages = ${JSON.stringify(messages)};`,
            `const getMessage = (${createGetMessage.toString()})(messages);`,
            'globalThis.chrome = Object.assign(globalThis.chrome ?? {}, { i18n: { getMessage, getUILanguage: () => "en" } });',
          ].join('\n'),
          resolveDir: root,
          loader: 'js',
        };
      });
    },
  };
}
