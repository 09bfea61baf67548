import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions stay minimal: storage for the user's annotations, and the two arXiv hosts the
// content script runs on. tests/unit/manifest.test.ts fails the build on anything more.
export default defineConfig({
  // Lets a second build (a helper's, the benchmark's) run beside the main one without clobbering it.
  outDir: process.env.SIFT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  // `wxt zip -b firefox` also makes the sources archive addons.mozilla.org asks for. WXT already
  // leaves out node_modules, dot-folders (.output*, .cache, .git) and *.test/*.spec files; these
  // are the other generated files .gitignore names, so the archive holds just what rebuilds the add-on.
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', 'bench/report.json', 'demo/*.png', '**/*.log'],
    includeSources: ['demo/screenshot.png'],
  },
  manifest: ({ browser }) => ({
    name: 'Sift for arXiv',
    description: 'Star, tag, hide, highlight and filter arXiv listings; export a reading list. All data stays in your browser.',
    permissions: ['storage'],
    host_permissions: ['https://arxiv.org/*', 'https://www.arxiv.org/*'],
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
