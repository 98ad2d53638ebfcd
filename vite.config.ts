import { defineConfig } from 'vitest/config';

// One config for the demo server (`vite`), the library build and the unit/component tests.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
  },
});
