import { defineConfig } from 'vitest/config';

// One config for every run; scripts/test.js runs it once per database (MERCATO_TEST_DB).
// Browser tests (test/browser) are always included and skip themselves when /usr/bin/chromium is absent.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.mercato/**', 'web/dist/**', 'bench/results/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    // 2-core machines: two test files at a time; each may start PGlite (~300 MB) or a browser.
    fileParallelism: true,
    maxWorkers: 2,
    passWithNoTests: false,
    globalSetup: ['./test/support/global-setup.ts'],
  },
});
