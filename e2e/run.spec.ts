// The Run panel against the DynamoDB Local that playwright.config.ts starts
// with -cors for the preview origin: create → load → run all → every pattern
// matches, its predicted capacity units equal to the measured ones; a closed port says "unreachable"; typed credentials stay out of the
// URL and localStorage.
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { openRunPanelOnEcommerce, panelTab } from './appHelpers.ts';
import { DYNAMODB_ENDPOINT } from './environment.ts';
import { expect, test } from './fixtures.ts';

const ACCESS_KEY_ID = 'AKIAE2ERUNPANEL00001';
const SECRET = 'e2e-Secret/never+in-storage';
const TOKEN = 'e2e-session-token-never-in-urls';

async function fillCustomEndpoint(page: Page, url: string) {
  const run = page.getByRole('region', { name: 'Run against DynamoDB' });
  await run.getByRole('radio', { name: 'Custom URL' }).check();
  await run.getByRole('textbox', { name: 'Endpoint URL' }).fill(url);
  await run.getByRole('textbox', { name: 'Access key id' }).fill(ACCESS_KEY_ID);
  await run.getByLabel('Secret access key').fill(SECRET);
  await run.getByLabel('Session token (optional)').fill(TOKEN);
}

test('creates the table, loads the sample items and every pattern’s answer matches the in-browser one', async ({ page }) => {
  test.setTimeout(120_000);
  const run = await openRunPanelOnEcommerce(page);
  await fillCustomEndpoint(page, DYNAMODB_ENDPOINT);
  await run.getByRole('button', { name: 'Test connection' }).click();
  await expect(run.getByText(`✓ Connected to ${DYNAMODB_ENDPOINT}`)).toBeVisible();

  const tableName = `E2E-${Date.now()}`;
  await run.getByRole('textbox', { name: 'Table name' }).fill(tableName);
  await run.getByRole('button', { name: 'Create table' }).click();
  await expect(run.getByText(`✓ Table ${tableName} is ACTIVE`)).toBeVisible({ timeout: 30_000 });

  const load = run.getByRole('button', { name: /^Load \d+ sample items$/ });
  const total = Number((await load.textContent())?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThan(0);
  await load.click();
  await expect(run.getByText(`${total} of ${total} items written`)).toBeVisible({ timeout: 60_000 });
  await expect(run.getByRole('progressbar', { name: 'Items loaded' })).toHaveAttribute('value', String(total));

  await run.getByRole('button', { name: 'Run all patterns' }).click();
  const patterns = run
    .getByRole('list', { name: 'Pattern runs' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });
  const count = await patterns.count();
  expect(count).toBe(11);
  await expect(run.getByText(`${count} of ${count} run(s) match the in-browser answer`)).toBeVisible({ timeout: 60_000 });
  for (let i = 0; i < count; i++) {
    const card = patterns.nth(i);
    await expect(card.getByText(/Matches the in-browser answer/)).toBeVisible();
    await expect(card.getByText('Differs from the in-browser answer')).toHaveCount(0);
    await expect(card.getByText('Count', { exact: true })).toBeVisible();
    // The predicted capacity units beside the measured ones: the same.
    const capacity = card.getByRole('group', { name: 'Capacity: predicted and measured' });
    await expect(capacity.getByTestId('capacity-verdict')).toHaveText('same');
    const expected = (await capacity.getByTestId('capacity-expected').count())
      ? capacity.getByTestId('capacity-expected')
      : capacity.getByTestId('capacity-predicted');
    expect(await capacity.getByTestId('capacity-measured').textContent()).toBe(await expected.textContent());
  }
  // getOrderById reads one small order, eventually consistent: predicted 0.5 RCU, measured 0.5.
  const getOrder = patterns.filter({ has: page.getByRole('heading', { name: 'getOrderById', exact: true }) });
  await expect(getOrder.getByRole('group', { name: 'Capacity: predicted and measured' })).toContainText(/Predicted 0\.5 RCU, measured 0\.5: same/);
  await expect(run.getByText('Differs from the in-browser answer')).toHaveCount(0);

  // The credentials typed above are nowhere the page keeps or shows addresses.
  const secrets = [ACCESS_KEY_ID, SECRET, TOKEN];
  const stored = await page.evaluate(() => ({
    url: location.href,
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
    cookie: document.cookie,
    history: history.length,
  }));
  for (const secret of secrets) {
    expect(page.url()).not.toContain(encodeURIComponent(secret));
    expect(stored.url).not.toContain(secret);
    expect(stored.local).not.toContain(secret);
    expect(stored.local).not.toContain(encodeURIComponent(secret));
    expect(stored.session).not.toContain(secret);
    expect(stored.cookie).not.toContain(secret);
  }
  // Work is autosaved to localStorage, so the check above looked at something real.
  expect(stored.local).toContain('E-commerce');

  // "Remember for this tab" keeps them in sessionStorage only.
  await run.getByRole('checkbox', { name: 'Remember for this tab' }).check();
  const remembered = await page.evaluate(() => ({
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
  }));
  expect(remembered.session).toContain(ACCESS_KEY_ID);
  for (const secret of secrets) expect(remembered.local).not.toContain(secret);
  await run.getByRole('checkbox', { name: 'Remember for this tab' }).uncheck();
  expect(await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))).not.toContain(ACCESS_KEY_ID);

  // Clean up through the panel: delete asks for the name.
  await run.getByRole('button', { name: 'Delete table…' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete table ${tableName}?` });
  await expect(dialog.getByRole('button', { name: 'Delete table' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: `Type ${tableName} to confirm` }).fill(tableName);
  await dialog.getByRole('button', { name: 'Delete table' }).click();
  await expect(run.getByRole('button', { name: 'Create table' })).toBeVisible({ timeout: 30_000 });
});

test('an existing table of the same name is shown and left alone until its name is typed', async ({ page }) => {
  const run = await openRunPanelOnEcommerce(page);
  await fillCustomEndpoint(page, DYNAMODB_ENDPOINT);
  const tableName = `E2E-existing-${Date.now()}`;
  await run.getByRole('textbox', { name: 'Table name' }).fill(tableName);
  await run.getByRole('button', { name: 'Create table' }).click();
  await expect(run.getByText(`✓ Table ${tableName} is ACTIVE`)).toBeVisible({ timeout: 30_000 });

  // A second page (another visit) tries to create the same table.
  const other = await page.context().newPage();
  const otherRun = await openRunPanelOnEcommerce(other);
  await fillCustomEndpoint(other, DYNAMODB_ENDPOINT);
  await otherRun.getByRole('textbox', { name: 'Table name' }).fill(tableName);
  await otherRun.getByRole('button', { name: 'Create table' }).click();
  const refused = otherRun.getByRole('alert', { name: 'Existing table' });
  await expect(refused).toContainText(`A table named ${tableName} already exists`);
  await expect(refused).toContainText('It has the design’s key schema and indexes.');
  const use = refused.getByRole('button', { name: 'Use existing table' });
  await expect(use).toBeDisabled();
  await refused.getByRole('textbox', { name: `Type ${tableName} to load items into it and run patterns on it` }).fill(tableName);
  await use.click();
  await expect(otherRun.getByText(`✓ Table ${tableName} is ACTIVE`)).toContainText('(an existing table)');
  // It did not create the table, so it offers no delete.
  await expect(otherRun.getByRole('button', { name: 'Delete table…' })).toHaveCount(0);
  await other.close();

  await run.getByRole('button', { name: 'Delete table…' }).click();
  await page.getByRole('textbox', { name: `Type ${tableName} to confirm` }).fill(tableName);
  await page.getByRole('dialog').getByRole('button', { name: 'Delete table' }).click();
  await expect(run.getByRole('button', { name: 'Create table' })).toBeVisible({ timeout: 30_000 });
});

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

// The fixtures' guard fails a test on any failed request, and here the refused
// connections to the closed port are the point. Until fixtures.ts takes a list of
// allowed failed requests, this test runs the same guard with that one exception.
const withClosedPort = test.extend<{ closedUrl: string }>({
  // A port nothing listens on: bound once, then released.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern; none here.
  closedUrl: async ({}, provide) => provide(`http://127.0.0.1:${await closedPort()}`),
  // Overrides keep the original's `auto`: this runs for every test of withClosedPort.
  pageGuards: async ({ page, context, closedUrl }, provide) => {
    const problems: string[] = [];
    const toClosedPort = (url: string) => url.startsWith(`${closedUrl}/`) || url === closedUrl;
    page.on('console', (message) => {
      if (message.type() === 'error' && !/ERR_CONNECTION_REFUSED/.test(message.text())) problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
    context.on('request', (request) => {
      const host = new URL(request.url()).hostname;
      if (!['localhost', '127.0.0.1', '[::1]', ''].includes(host) && !/^(data|blob|about):/.test(request.url()))
        problems.push(`request to another host: ${request.url()}`);
    });
    context.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? 'unknown';
      if (failure.includes('ERR_ABORTED') || (toClosedPort(request.url()) && failure.includes('ERR_CONNECTION_REFUSED'))) return;
      problems.push(`request failed: ${request.method()} ${request.url()} (${failure})`);
    });
    await provide(undefined);
    expect(problems, 'the page reported errors or left the machine').toEqual([]);
  },
});

withClosedPort.describe('an endpoint nobody listens on', () => {
  withClosedPort('says it cannot be reached and how to get an endpoint', async ({ page, closedUrl: url }) => {
    const run = await openRunPanelOnEcommerce(page);
    await fillCustomEndpoint(page, url);
    await run.getByRole('button', { name: 'Test connection' }).click();
    const error = run.getByRole('alert', { name: 'Connection error' });
    await expect(error).toContainText(`Cannot reach ${url}: nothing answered there.`);
    await expect(error).toContainText('npm start');
    await expect(error).toContainText(`-cors ${new URL(page.url()).origin}`);
    for (const secret of [ACCESS_KEY_ID, SECRET, TOKEN]) await expect(error).not.toContainText(secret);
  });
});

test('every example of the gallery runs green against DynamoDB Local', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  const names = (await page.getByRole('menuitem').allTextContents()).map((t) => t.trim()).filter(Boolean);
  await page.keyboard.press('Escape');
  expect(names.length).toBeGreaterThanOrEqual(5);
  for (const [i, name] of names.entries()) {
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem').nth(i).click();
    // The header names the analysed model: its design and sample items are in place.
    await expect(page.getByRole('banner')).toContainText(name);
    await panelTab(page, 'Run').click();
    const run = page.getByRole('region', { name: 'Run against DynamoDB' });
    await fillCustomEndpoint(page, DYNAMODB_ENDPOINT);
    const tableName = `E2E-all-${i}-${Date.now()}`;
    await run.getByRole('textbox', { name: 'Table name' }).fill(tableName);
    await run.getByRole('button', { name: 'Create table' }).click();
    await expect(run.getByText(`✓ Table ${tableName} is ACTIVE`), name).toBeVisible({ timeout: 30_000 });
    const load = run.getByRole('button', { name: /^Load \d+ sample items$/ });
    const total = Number((await load.textContent())?.match(/\d+/)?.[0]);
    await load.click();
    await expect(run.getByText(`${total} of ${total} items written`), name).toBeVisible({ timeout: 120_000 });
    await run.getByRole('button', { name: 'Run all patterns' }).click();
    // The summary replaces the progress line once every pattern has answered.
    await expect(run.getByRole('button', { name: 'Run all patterns' }), name).toBeEnabled({ timeout: 120_000 });
    await expect(run.getByText(/^\d+ of \d+ run\(s\) match the in-browser answer/), name).toBeVisible();
    const summary = (await run.getByText(/^\d+ of \d+ run\(s\) match the in-browser answer/).textContent()) ?? '';
    const [, matched, all] = /^(\d+) of (\d+)/.exec(summary) ?? [];
    expect(Number(matched), `${name}: ${summary}`).toBe(Number(all));
    await expect(run.getByText('Differs from the in-browser answer')).toHaveCount(0);
    await run.getByRole('button', { name: 'Delete table…' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete table ${tableName}?` });
    await dialog.getByRole('textbox', { name: `Type ${tableName} to confirm` }).fill(tableName);
    await dialog.getByRole('button', { name: 'Delete table' }).click();
    await expect(run.getByRole('button', { name: 'Create table' })).toBeVisible({ timeout: 30_000 });
  }
});
