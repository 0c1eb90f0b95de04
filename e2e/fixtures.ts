// The `test` every spec uses: it fails the test on any console error, uncaught
// page error, failed request, or request to a host other than this machine.
// A spec that expects some console errors lists them: test.use({ allowedConsoleErrors: [/.../] }).
import { test as base, expect } from '@playwright/test';

export { expect };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

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
