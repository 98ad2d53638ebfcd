import { defineConfig } from 'vitest/config';

// Real-browser tests: playwright-core drives Debian's Chromium against the built bundle (run `npm run build` first).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A browser on a busy 2-core machine (CI) can take seconds to start a preview or load a
    // chunk: expect.poll waits up to 10 s by default here, not 1 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
