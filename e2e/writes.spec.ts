// The Writes view: a write run in memory on the sample items, the exact requests
// it sent, its outcome, and the items grid's before/after of the entries it
// changed, per index view; typed errors, field errors, and "Reset sample data";
// the same write sent by the Run panel to a table it created (DynamoDB Local).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { shareHash } from '../src/store/shareLink.ts';
import { STORAGE_KEY } from '../src/store/persistWork.ts';
import { appendToModel, openRunPanelOnEcommerce, panelTab } from './appHelpers.ts';
import { DYNAMODB_ENDPOINT } from './environment.ts';
import { expect, test } from './fixtures.ts';

const ecommerce = readFileSync(new URL('../src/examples/ecommerce.problem.json', import.meta.url), 'utf8');

test.beforeEach(async ({ page }) => {
  await page.goto(`./${shareHash({ text: ecommerce, format: 'json' })}`);
  await panelTab(page, 'Writes').click();
});

const writesView = (page: Page) => page.getByRole('region', { name: 'Writes', exact: true });
const itemsStatus = (page: Page) => page.getByRole('region', { name: 'Items', exact: true }).getByRole('status');

async function choose(page: Page, entity: string, operation: string) {
  const view = writesView(page);
  await view.getByLabel('Entity', { exact: true }).selectOption(entity);
  await view.getByLabel('Operation', { exact: true }).selectOption(operation);
}

test("an update of a key-template attribute: its requests, its outcome, and its entry moved in the GSI's view", async ({ page }) => {
  const view = writesView(page);
  await choose(page, 'Order', 'update');
  // The form starts from the first sample order: its key, and its values as they are.
  const orderId = await view.getByLabel('orderId', { exact: true }).inputValue();
  expect(orderId).not.toBe('');
  const status = view.getByLabel('status', { exact: true });
  const was = await status.inputValue();
  const to = was === 'paid' ? 'shipped' : 'paid';
  await status.selectOption(to);
  await expect(view.getByLabel('Change status')).toHaveValue('set');
  await view.getByRole('button', { name: 'Run in memory' }).click();

  // Found through its identity guard, read, then put back whole on condition that it did not change.
  const requests = view.getByRole('list', { name: 'Requests sent' }).getByRole('listitem');
  await expect(requests).toHaveCount(3);
  await expect(requests.nth(0)).toContainText('GetItem');
  await expect(requests.nth(0)).toContainText(`"PK": "$id#ORDER#${orderId}"`);
  await expect(requests.nth(0)).toContainText('"ConsistentRead": true');
  await expect(requests.nth(0)).toContainText('Found the item.');
  await expect(requests.nth(1)).toContainText('GetItem');
  await expect(requests.nth(2)).toContainText('PutItem');
  await expect(requests.nth(2)).toContainText('(PutCommand input)');
  await expect(requests.nth(2)).toContainText(`"GSI2PK": "ORDER#${to}"`);
  await expect(requests.nth(2)).toContainText('"ConditionExpression"');
  const outcome = view.getByRole('status').filter({ hasText: 'Resolved' });
  await expect(outcome).toContainText('Resolved: the Order as stored.');
  await expect(outcome).toContainText(`"status": "${to}"`);
  await expect(view.getByRole('list', { name: 'Entries changed in GSI2' })).toContainText(`moved Order in GSI2: ORDER#${was}`);

  // The GSI view: the old entry in its old partition (before), the new one in the new partition (after).
  await view.getByRole('button', { name: 'Show GSI2 in the items grid' }).click();
  const gsi = page.getByRole('table', { name: 'Items in GSI2' });
  await expect(gsi).toBeVisible();
  const movedTo = gsi.getByRole('row').filter({ hasText: 'moved to' });
  await expect(movedTo).toBeInViewport();
  await page.getByLabel("Only the last write's changes").check();
  await expect(gsi.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(2);
  await expect(movedTo).toContainText(`ORDER#${to}`);
  await expect(movedTo).toContainText(orderId);
  const movedFrom = gsi.getByRole('row').filter({ hasText: 'moved from' });
  await expect(movedFrom).toContainText(`ORDER#${was}`);
  await expect(gsi.getByRole('rowheader')).toHaveText([new RegExp(`^ORDER#${to}`), new RegExp(`^ORDER#${was}`)].sort((a, b) => (a.source < b.source ? -1 : 1)));

  // The table view: the same item, before and after, one above the other.
  await page.getByLabel('View', { exact: true }).selectOption('table');
  const table = page.getByRole('table', { name: 'Items in table' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('before');
  await expect(rows.nth(0)).toContainText(was);
  await expect(rows.nth(1)).toContainText('after');
  await expect(rows.nth(1)).toContainText(to);
  // The cells the write changed stand out: status, and further right (drawn once the grid scrolls to it) the GSI2 key made of it.
  const changed = rows.nth(1).locator('.tw-grid__cell--changed');
  await expect(changed.first()).toHaveText(to);
  await page.getByRole('region', { name: 'Items in table, scrollable' }).evaluate((scroller) => (scroller.scrollLeft = scroller.scrollWidth));
  await expect(changed.last()).toHaveText(`ORDER#${to}`);
});

test('a create of an existing key is refused with RecordExistsError, changing nothing', async ({ page }) => {
  const view = writesView(page);
  await choose(page, 'Product', 'create');
  // The record fields start from the first sample product: its key exists.
  await view.getByRole('button', { name: 'Run in memory' }).click();
  const alert = view.getByRole('alert');
  await expect(alert).toContainText('RecordExistsError');
  await expect(alert).toContainText('(exists)');
  await expect(alert).toContainText('Nothing was changed.');
  const requests = view.getByRole('list', { name: 'Requests sent' }).getByRole('listitem');
  await expect(requests).toHaveCount(1);
  await expect(requests.first()).toContainText('"ConditionExpression": "attribute_not_exists(#n0)"');
  await expect(requests.first()).toContainText('Refused: ConditionalCheckFailedException');
  await expect(view.getByRole('heading', { name: 'Items changed (0)' })).toBeVisible();
});

test('a fresh record is added, and "Reset sample data" brings back the sample items', async ({ page }) => {
  const view = writesView(page);
  await choose(page, 'Product', 'create');
  await view.getByRole('button', { name: 'Fill a fresh sample record' }).click();
  const productId = await view.getByLabel('productId', { exact: true }).inputValue();
  await view.getByRole('button', { name: 'Run in memory' }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Resolved' })).toContainText(productId);
  await expect(view.getByRole('list', { name: 'Items changed' })).toContainText(`created Product PRODUCT#${productId}`);

  await panelTab(page, 'Items').click();
  await expect(itemsStatus(page)).toContainText('411 items');
  await expect(page.getByRole('table', { name: 'Items in table' }).getByRole('row').filter({ hasText: 'added' })).toContainText(productId);

  await panelTab(page, 'Writes').click();
  await view.getByRole('button', { name: 'Reset sample data' }).click();
  await expect(view.getByRole('button', { name: 'Reset sample data' })).toBeDisabled();
  await expect(view.getByRole('region', { name: 'Write result' })).toHaveCount(0);
  await panelTab(page, 'Items').click();
  await expect(itemsStatus(page)).toContainText('410 items');
  await expect(page.getByText("Only the last write's changes")).toHaveCount(0);
});

test('a number field holding text and a missing key attribute are shown at their fields', async ({ page }) => {
  const view = writesView(page);
  await choose(page, 'Product', 'add');
  const views = view.getByLabel('add to views');
  await views.fill('ten');
  await expect(views).toHaveAttribute('aria-invalid', 'true');
  await expect(views).toHaveAccessibleDescription('Enter a number.');
  const key = view.getByLabel('productId', { exact: true });
  await key.fill('');
  await view.getByRole('button', { name: 'Run in memory' }).click();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveAccessibleDescription('Enter productId.');
  await expect(view.getByRole('region', { name: 'Write result' })).toHaveCount(0);

  await views.fill('3');
  await key.fill('nobody');
  await view.getByRole('button', { name: 'Run in memory' }).click();
  await expect(view.getByRole('alert')).toContainText('RecordNotFoundError');
});

test('while the model has errors the view writes on the last design; without any design it says why', async ({ page }) => {
  await appendToModel(page, 'getOrdersByTotal: Order by statuz\n');
  await expect(page.getByText('Stale — fix the errors to update.')).toBeVisible();
  const view = writesView(page);
  await choose(page, 'Product', 'remove');
  await view.getByRole('button', { name: 'Run in memory' }).click();
  await expect(view.getByRole('status').filter({ hasText: 'Removed.' })).toBeVisible();

  // A first visit whose saved work has errors: there never was a design.
  await page.addInitScript(([key, text]) => localStorage.setItem(key, JSON.stringify({ source: { text, format: 'text' }, activePanel: 'writes' })), [
    STORAGE_KEY,
    'model "Broken"\n\nentity Thing key id\n  id: strin\n',
  ] as const);
  await page.goto('./');
  await expect(writesView(page)).toContainText('No writes yet: once the model has no errors, its entities can be written here.');
});

test("the Run panel sends the Writes view's write to a table it created, never to one it did not", async ({ page }) => {
  test.setTimeout(120_000);
  await choose(page, 'Order', 'update');
  const view = writesView(page);
  const orderId = await view.getByLabel('orderId', { exact: true }).inputValue();
  const status = view.getByLabel('status', { exact: true });
  const to = (await status.inputValue()) === 'paid' ? 'shipped' : 'paid';
  await status.selectOption(to);

  await panelTab(page, 'Run').click();
  const run = page.getByRole('region', { name: 'Run against DynamoDB' });
  await run.getByRole('radio', { name: 'Custom URL' }).check();
  await run.getByRole('textbox', { name: 'Endpoint URL' }).fill(DYNAMODB_ENDPOINT);
  await run.getByRole('textbox', { name: 'Access key id' }).fill('local');
  await run.getByLabel('Secret access key').fill('local');
  const send = run.getByRole('button', { name: /^Send this write/ });
  await expect(send).toBeDisabled();
  const tableName = `E2E-writes-${Date.now()}`;
  await run.getByRole('textbox', { name: 'Table name' }).fill(tableName);
  await run.getByRole('button', { name: 'Create table' }).click();
  await expect(run.getByText(`✓ Table ${tableName} is ACTIVE`)).toBeVisible({ timeout: 30_000 });
  // The sample items and the guard items their creates write: the write finds the order through its guard.
  const load = run.getByRole('button', { name: /^Load \d+ sample items$/ });
  const total = Number((await load.textContent())?.match(/\d+/)?.[0]);
  expect(total).toBe(410 + 150 + 120);
  await load.click();
  await expect(run.getByText(`${total} of ${total} items written`)).toBeVisible({ timeout: 60_000 });

  await expect(run.getByText('The write in the Writes view: update Order')).toBeVisible();
  await send.click();
  const sent = run.getByRole('group', { name: 'Write sent' });
  await expect(sent.getByRole('status')).toContainText(/^Written in \d+ ms\.$/);
  const requests = sent.getByRole('list', { name: 'Requests sent to DynamoDB' }).getByRole('listitem');
  await expect(requests).toHaveCount(3);
  await expect(requests.nth(0)).toContainText(`"PK": "$id#ORDER#${orderId}"`);
  await expect(requests.nth(0)).toContainText('Found the item.');
  await expect(requests.nth(2)).toContainText('PutItem');
  await expect(requests.nth(2)).toContainText(`"GSI2PK": "ORDER#${to}"`);
  await expect(requests.nth(2)).toContainText(`"TableName": "${tableName}"`);

  // Another page that uses this table (its name typed back) did not create it: it sends no write.
  const other = await page.context().newPage();
  const otherRun = await openRunPanelOnEcommerce(other);
  await otherRun.getByRole('radio', { name: 'Custom URL' }).check();
  await otherRun.getByRole('textbox', { name: 'Endpoint URL' }).fill(DYNAMODB_ENDPOINT);
  await otherRun.getByRole('textbox', { name: 'Access key id' }).fill('local');
  await otherRun.getByLabel('Secret access key').fill('local');
  await otherRun.getByRole('textbox', { name: 'Table name' }).fill(tableName);
  await otherRun.getByRole('button', { name: 'Create table' }).click();
  const refused = otherRun.getByRole('alert', { name: 'Existing table' });
  await refused.getByRole('textbox', { name: `Type ${tableName} to load items into it and run patterns on it` }).fill(tableName);
  await refused.getByRole('button', { name: 'Use existing table' }).click();
  await expect(otherRun.getByText(`Writes are sent only to a table this page created: ${tableName} existed before.`)).toBeVisible();
  await expect(otherRun.getByRole('button', { name: /^Send this write/ })).toBeDisabled();
  await other.close();

  await run.getByRole('button', { name: 'Delete table…' }).click();
  await page.getByRole('textbox', { name: `Type ${tableName} to confirm` }).fill(tableName);
  await page.getByRole('dialog').getByRole('button', { name: 'Delete table' }).click();
  await expect(run.getByRole('button', { name: 'Create table' })).toBeVisible({ timeout: 30_000 });
});
