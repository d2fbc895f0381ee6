import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests. The server suite runs twice: against
// the machine's PostgreSQL and against the embedded engine (PGlite), which production also offers.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      { test: { name: 'db', root: './db', include: ['src/**/*.test.ts', 'seeds/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'server-postgres',
          root: './server',
          include: ['src/**/*.test.ts'],
          env: { VIGIE_TEST_ENGINE: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server-embedded',
          root: './server',
          include: ['src/**/*.test.ts'],
          env: { VIGIE_TEST_ENGINE: 'embedded' },
          // Booting the WebAssembly Postgres costs seconds: one worker runs every file in turn and
          // reuses one engine, wiped between files (see db/src/testing.ts).
          fileParallelism: false,
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'admin', root: './admin', include: ['src/**/*.test.ts', 'build/**/*.test.ts'] } },
    ],
  },
});
