import { defineConfig, devices } from '@playwright/test';

const CI = Boolean(process.env.CI);

/**
 * End-to-end tests against the real server (started by globalSetup on a throwaway PostgreSQL
 * database seeded with the demo data) and the built SPA it serves from admin/dist.
 * Run from the root with `pnpm test:e2e`, which builds the admin first.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // The https suite behind nginx has its own config and server (tls/playwright.config.ts); specs
  // written ahead of the server branches they need wait in pending/.
  testIgnore: ['tls/**', 'pending/**'],
  // It returns the global teardown: the server stopped, the database dropped.
  globalSetup: './globalSetup.ts',
  // One shared database: specs run one at a time, in file order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: 'list',
  // Generous: server, browser and runner share two cores, often with other work on them.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  use: {
    // globalSetup picks the port and sets this before any worker (which re-reads this file) starts.
    baseURL: process.env.VIGIE_E2E_BASE_URL,
    viewport: { width: 1366, height: 768 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 768 },
        // Debian's Chromium: Playwright cannot download its own browser on these machines.
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            // Without these, Chromium's own calls home are refused by the closed network, many at a time.
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
