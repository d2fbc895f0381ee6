import { defineConfig } from '@playwright/test';
import base from '../playwright.config.ts';

/**
 * The same browser as the main suite, against Vigie behind nginx over https (globalSetup starts
 * both). Run by `pnpm --filter @vigie/e2e test` after the main suite.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.spec.ts',
  testIgnore: [],
  globalSetup: './globalSetup.ts',
  outputDir: '../test-results/tls',
  use: {
    ...base.use,
    baseURL: process.env.VIGIE_TLS_BASE_URL,
    // The certificate is self-signed, made by globalSetup for this run.
    ignoreHTTPSErrors: true,
  },
});
