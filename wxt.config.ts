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
  manifest: ({ browser }) => ({
    name: 'Sift for arXiv',
    description: 'Star, tag, hide, highlight and filter arXiv listings; export a reading list. All data stays in your browser.',
    permissions: ['storage'],
    host_permissions: ['https://arxiv.org/*', 'https://www.arxiv.org/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sift@arxiv-sift.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
