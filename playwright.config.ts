import { defineConfig } from '@playwright/test';

// Each test loads the built extension into its own persistent Chromium profile; extensions need
// persistent contexts, and two of them at once on a 2-core machine only slow each other down.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
