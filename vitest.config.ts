import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Says once which tests need ../shared and are skipped without it (test/shared-data.ts).
    globalSetup: ['test/global-setup.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // End-to-end files each start a Chromium; on a 2-core machine run files one at a time.
    fileParallelism: false,
  },
});
