// The `test` every spec uses: it fails the test on any console error, uncaught
// page error, failed request, or request to a host other than this machine.
// A spec that expects some console errors lists them: test.use({ allowedConsoleErrors: [/.../] }).
// One failure is DynamoDB Local's own, not the page's: an HTTP 500 it answers now and then (InternalFailure,
// seen on a DescribeTable during a migration). The SDK retries a 500, so the test's own assertions judge the
// outcome; the browser's log line for it is noted on the test instead of failing it.
import { test as base, expect } from '@playwright/test';
import { DYNAMODB_PORT } from './environment.ts';

export { expect };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** The browser's log line for an HTTP 500 from DynamoDB Local (the endpoint the Run panel tests use). */
function isDynamoDbLocalServerError(text: string, url: string | undefined): boolean {
  if (!/^Failed to load resource: the server responded with a status of 500\b/.test(text) || url === undefined) return false;
  return isLocal(url) && new URL(url).port === String(DYNAMODB_PORT);
}

function isLocal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return LOCAL_SCHEMES.has(parsed.protocol) || LOCAL_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

interface GuardOptions {
  /** Console errors matching one of these do not fail the test. */
  allowedConsoleErrors: RegExp[];
}

export const test = base.extend<GuardOptions & { pageGuards: undefined }>({
  allowedConsoleErrors: [[], { option: true }],
  pageGuards: [
    async ({ page, context, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (allowedConsoleErrors.some((pattern) => pattern.test(text))) return;
        const where = message.location();
        if (isDynamoDbLocalServerError(text, where.url)) {
          test.info().annotations.push({ type: 'DynamoDB Local answered 500 (retried by the SDK)', description: text });
          return;
        }
        problems.push(`console error: ${text}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
      });
      page.on('pageerror', (error) => {
        problems.push(`page error: ${error.stack ?? error.message}`);
      });
      context.on('request', (request) => {
        if (!isLocal(request.url())) problems.push(`request to another host: ${request.method()} ${request.url()}`);
      });
      context.on('requestfailed', (request) => {
        const failure = request.failure()?.errorText ?? 'unknown';
        // Navigations and aborted fetches cancel requests on purpose.
        if (failure.includes('ERR_ABORTED')) return;
        problems.push(`request failed: ${request.method()} ${request.url()} (${failure})`);
      });

      await use(undefined);

      expect(problems, 'the page reported errors or left the machine').toEqual([]);
    },
    { auto: true },
  ],
});
