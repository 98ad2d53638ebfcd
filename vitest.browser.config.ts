import { defineConfig } from 'vitest/config';

// Real-browser tests: playwright-core drives Debian's Chromium against the built bundle (run `npm run build` first).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
