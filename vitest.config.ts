import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Playwright specs live in tests/e2e and run under their own runner; vitest takes only
// pure-logic (tests/unit) and DOM (tests/dom) suites.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/dom/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup/i18n.ts'],
  },
});
