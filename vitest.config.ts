// Unit and DynamoDB Local tests. Browser tests live in e2e/ and run under Playwright.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    globalSetup: ['./src/devtools/vitest.globalSetup.ts'],
    // DynamoDB Local is slow for its first requests (JIT); keep generous limits.
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
