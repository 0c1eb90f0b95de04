// Browser tests against the production build (`vite preview`) plus a DynamoDB
// Local that accepts CORS from the app's origin. Chromium is kept off the network.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { APP_ORIGIN, APP_PORT, DYNAMODB_PORT } from './e2e/environment.ts';

const isCI = Boolean(process.env['CI']);
// Debian's Chromium where Playwright cannot download its own; elsewhere use `npx playwright install chromium`.
const systemChromium = '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
const isRoot = process.getuid?.() === 0;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  ...(isCI ? { workers: 2 } : {}),
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  use: {
    baseURL: `${APP_ORIGIN}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath !== undefined ? { executablePath } : {}),
          args: [
            // Resolve nothing but localhost, so no request can leave the machine.
            '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            ...(isRoot ? ['--no-sandbox'] : []),
          ],
        },
      },
    },
  ],
  webServer: [
    {
      name: 'app',
      command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${APP_PORT} --strictPort`,
      url: `${APP_ORIGIN}/`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      name: 'dynamodb',
      command: `node src/devtools/dynamodbLocal.mjs --port ${DYNAMODB_PORT} ` + `--cors ${APP_ORIGIN},http://localhost:${APP_PORT}`,
      url: `http://127.0.0.1:${DYNAMODB_PORT}/`,
      reuseExistingServer: !isCI,
      timeout: 90_000,
      // SIGTERM lets the script stop java; a bare SIGKILL would orphan it.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
