import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { UserConfig } from 'vite';

type Aliases = NonNullable<NonNullable<UserConfig['resolve']>['alias']>;

/** `alias` with `wxt/browser` pointing at WXT's polyfill-free `browser`, whichever form vite merged it into. */
function withNativeBrowser(alias: Aliases | undefined): Aliases {
  const native = { find: 'wxt/browser', replacement: '@wxt-dev/browser' };
  if (Array.isArray(alias)) return [native, ...alias.filter((entry) => entry.find !== 'wxt/browser')];
  return { ...alias, [native.find]: native.replacement };
}

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// Permissions stay minimal: storage for the user's annotations, the two arXiv hosts the content
// script runs on, and arXiv's API host for abstracts. tests/unit/manifest.test.ts fails the build on anything more.
export default defineConfig({
  // Lets a second build (a helper's, the benchmark's) run beside the main one without clobbering it.
  outDir: process.env.SIFT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The content script is loaded into every arXiv tab, so its size is paid on every listing.
    // It only sends runtime messages and answers them through sendResponse
    // (lib/messaging/runtime.ts), both of which Chrome's own `chrome` and Firefox's `browser`
    // offer natively, so it alone is built without webextension-polyfill: `wxt/browser` goes back
    // to WXT's native `browser` there. The extension pages and the background keep the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.resolve = { ...config.resolve, alias: withNativeBrowser(config.resolve?.alias) };
    },
  },
  // `wxt zip -b firefox` also makes the sources archive addons.mozilla.org asks for. WXT already
  // leaves out node_modules, dot-folders (.output*, .cache, .git) and *.test/*.spec files; these
  // are the other generated files .gitignore names, so the archive holds just what rebuilds the add-on.
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', 'bench/report.json', 'demo/*.png', '**/*.log'],
    includeSources: ['demo/screenshot.png'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    // The name and description come from locales/<lang>.yml like every other string Sift shows.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage'],
    // export.arxiv.org: the background asks arXiv's API for abstracts listings leave out (paper ids only).
    host_permissions: ['https://arxiv.org/*', 'https://www.arxiv.org/*', 'https://export.arxiv.org/*'],
    // Rendered from assets/*.svg by `npm run icons`. Firefox's theme_icons: `dark` is the dark
    // glyph shown on light toolbars, `light` the light one for dark themes (bug 1431938). MV2 gets
    // its browser_action here, since WXT's popup entry claims that key before it would convert `action`.
    icons: ICONS,
    [manifestVersion === 2 ? 'browser_action' : 'action']: {
      default_icon: ICONS,
      default_title: '__MSG_extName__',
      ...(browser === 'firefox'
        ? { theme_icons: [16, 32].map((size) => ({ size, dark: `icon/${size}.png`, light: `icon/${size}-on-dark.png` })) }
        : {}),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // A fixed id keeps the add-on (and its IndexedDB) the same across updates. 140 is the
            // first Firefox with the CSS Custom Highlight API and with data_collection_permissions,
            // and an ESR line (the README's Firefox section has the whole argument).
            gecko: {
              id: 'sift@arxiv-sift.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
