// The Run panel never waits forever and refuses what DynamoDB would: an endpoint
// on 127.0.0.1 that accepts and never answers, or answers halfway and stalls,
// ends "Connecting…" with a timeout in words (the browser's transport: the SDK's
// FetchHttpHandler with the runner's deadline over the whole response); a table
// name DynamoDB would refuse is refused beside the field.
import { openRunPanelOnEcommerce } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';
import { startStallingServer, type StallMode } from '../src/runner/testing/hostileServers.ts';

const stalls: [StallMode, string][] = [
  ['blackHole', 'accepts the connection and never answers'],
  ['partialBody', 'answers headers and part of a body, then stalls'],
];

for (const [mode, what] of stalls) {
  test(`Test connection ends with "no answer" when the endpoint ${what}`, async ({ page }) => {
    // Two attempts of 10 s each, the panel's settings.
    test.setTimeout(120_000);
    const server = await startStallingServer(mode);
    try {
      const run = await openRunPanelOnEcommerce(page);
      await run.getByRole('radio', { name: 'Custom URL' }).check();
      await run.getByRole('textbox', { name: 'Endpoint URL' }).fill(server.url);
      await run.getByRole('button', { name: 'Test connection' }).click();
      await expect(run.getByText('Connecting…')).toBeVisible();
      const error = run.getByRole('alert', { name: 'Connection error' });
      await expect(error).toContainText(`No answer from ${server.url} within 10 s (2 attempts, ListTables).`, { timeout: 90_000 });
      await expect(error).toContainText('did not answer, or stopped midway');
      await expect(run.getByText('Connecting…')).toHaveCount(0);
      expect(server.count).toBe(2);
    } finally {
      await server.close();
    }
  });
}

test('a table name DynamoDB would refuse is refused beside the field, and Create table stays disabled', async ({ page }) => {
  const run = await openRunPanelOnEcommerce(page);
  const name = run.getByRole('textbox', { name: 'Table name' });
  const create = run.getByRole('button', { name: 'Create table' });
  await expect(create).toBeEnabled();
  await name.fill('my table');
  await expect(run.getByRole('alert')).toHaveText(
    '"my table" contains a space at position 3: a DynamoDB table name is 3 to 255 characters of A-Z, a-z, 0-9, "_", "-" and "."',
  );
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(create).toBeDisabled();
  await name.fill('ab');
  await expect(run.getByRole('alert')).toContainText('"ab" has 2 characters');
  await name.fill('Shop_2026.v1');
  await expect(run.getByRole('alert')).toHaveCount(0);
  await expect(create).toBeEnabled();
});
