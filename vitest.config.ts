import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Store and browser suites open files and ports of their own; two workers fit the 2-core CI machine.
    maxWorkers: 2,
  },
});
