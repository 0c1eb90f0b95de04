// Evolving a deployed design (issue 10): the e-commerce design pinned as deployed, its table
// created and loaded in the Run panel on the DynamoDB Local that playwright.config.ts starts; a
// pattern added in the editor; the Changes view shows the new GSI, the template existing Order
// items must get, the new pattern's request and the plan in order; the migration runs from the Run
// panel (every step listed before it runs) to success, verified by reading the table back; the
// migrated design is then pinned, and nothing is left to migrate; unpinned, the same design is read
// back from the table ("Load the deployed design from this table"). Also: the view without a pin
// says how to pin one, a pin survives a reload and travels in a share link, and a damaged
// design.json is refused with its located error.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { loadProblem, printModelText } from '../src/engine/index.ts';
import { appendToModel, createLoadedTable, panelTab, pasteModel } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';

// DynamoDB Local keeps no tags: the migration's ListTagsOfResource and TagResource are answered
// with HTTP 400 (UnknownOperationException), which the browser logs. Those two, and only those,
// are allowed: every 400 the page receives is checked below to be one of them.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 400/] });

async function openEcommerce(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'E-commerce' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
}

/** The e-commerce example as the app shows it (the text form). */
function ecommerceText(): string {
  const model = loadProblem(readFileSync(new URL('../src/examples/ecommerce.problem.json', import.meta.url), 'utf8')).model;
  if (!model) throw new Error('the e-commerce example does not load');
  return printModelText(model);
}

function changesView(page: Page) {
  return page.getByRole('region', { name: 'Changes' });
}

test('pin the e-commerce design, add a pattern, see the changes and migrate its table on DynamoDB Local, verified', async ({ page }) => {
  test.setTimeout(180_000);
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 400) refused.push(response.request().headers()['x-amz-target'] ?? response.url());
  });
  await openEcommerce(page);

  // Without a pin, the view says how to get one.
  await panelTab(page, 'Changes').click();
  const view = changesView(page);
  await expect(view).toContainText('No deployed design is pinned');
  await expect(view).toContainText('Mark as deployed pins the current design');
  await view.getByRole('button', { name: 'Mark as deployed' }).click();
  await expect(view.getByRole('group', { name: 'Deployed design' })).toContainText('Deployed: table ECommerce, design');
  await expect(view).toContainText('The current design is the deployed one: nothing to migrate.');

  // The deployed design's table, created and loaded here.
  await panelTab(page, 'Run').click();
  const run = page.getByRole('region', { name: 'Run against DynamoDB' });
  const tableName = `E2E-changes-${Date.now()}`;
  await createLoadedTable(run, { tableName, accessKeyId: 'AKIAE2ECHANGES000001', secret: 'e2e-changes-secret' });
  await expect(run).toContainText('This design is the deployed one: there is nothing to migrate.');

  // A new pattern: orders by status, biggest first. The deployed GSIs stay; it gets a GSI of its own.
  await appendToModel(page, '\ngetOrdersByTotal: Order by status order by total desc\n');
  await panelTab(page, 'Changes').click();
  await expect(view.getByRole('listitem').filter({ hasText: 'added GSI3 (GSI3PK, GSI3SK): getOrdersByTotal' })).toBeVisible({ timeout: 20_000 });
  const templates = view.getByRole('table', { name: 'Key templates' });
  const order = templates.getByRole('row').filter({ hasText: 'Order' });
  await expect(order).toContainText('GSI3');
  await expect(order).toContainText('added');
  await expect(order).toContainText('GSI3PK = ORDER#{status}, GSI3SK = ORDER#{total}#{orderId}');
  await expect(order).toContainText('write GSI3PK, GSI3SK');
  const changed = view.getByRole('list', { name: 'Changed patterns' }).getByRole('listitem').filter({ hasText: 'getOrdersByTotal' }).first();
  await expect(changed).toContainText('added');
  await expect(changed).toContainText('after');
  await expect(changed).toContainText('Query GSI3: GSI3PK = ORDER#{status} AND begins_with(GSI3SK, ORDER#) (desc)');
  await expect(view.getByRole('table', { name: 'Migration cost' }).getByRole('row').filter({ hasText: 'Order' })).toContainText('150');
  const steps = view
    .getByRole('list', { name: 'Migration steps' })
    .getByRole('listitem')
    .filter({ has: page.locator('strong') });
  await expect(steps.nth(0)).toContainText('backfill: Write GSI3PK, GSI3SK on 150 Order items');
  await expect(steps.nth(1)).toContainText('createIndex GSI3: Create GSI3');
  await expect(steps.nth(2)).toContainText('verify: Read the table back');
  await expect(steps).toHaveCount(3);
  // Clicking a pattern selects it, as elsewhere.
  await changed.getByRole('button', { name: 'getOrdersByTotal' }).click();
  await expect(changed.getByRole('button', { name: 'getOrdersByTotal' })).toHaveAttribute('aria-pressed', 'true');
  await panelTab(page, 'Patterns').click();
  await expect(page.getByRole('tabpanel')).toContainText('getOrdersByTotal');
  await panelTab(page, 'Changes').click();

  // Run it from the Run panel: the plan is listed first, then each step runs.
  await view.getByRole('button', { name: 'Run the migration…' }).click();
  await expect(panelTab(page, 'Run')).toHaveAttribute('aria-selected', 'true');
  const migrate = run.getByRole('region', { name: '6. Migrate to this design' });
  await expect(migrate).toContainText(`Carries table ${tableName} from the deployed design`);
  const planned = migrate.getByRole('list', { name: 'Migration steps' }).getByRole('listitem');
  await expect(planned).toHaveCount(3);
  await expect(planned.nth(0)).toContainText('to do backfill');
  await expect(planned.nth(1)).toContainText('to do createIndex GSI3');
  await migrate.getByRole('button', { name: 'Run migration' }).click();
  const result = migrate.getByLabel('Migration result');
  await expect(result).toContainText(`✓ Migration done: table ${tableName} is at design`, { timeout: 90_000 });
  await expect(result).toContainText('the endpoint keeps no tags');
  await expect(result).toContainText(/Backfill: \d+ items read, 150 updated/);
  await expect(result).toContainText(
    /Verified: the table was read back \(\d+ records, \d+ guard items\) and all \d+ pattern calls of the new design gave the brute-force answer/,
  );
  await expect(result).toContainText('Tagging is not currently supported in DynamoDB Local');
  for (let i = 0; i < 3; i++) await expect(planned.nth(i)).toContainText(/^done /);
  // The table's own section follows: it has the new design's indexes, the items are loaded again to compare answers.
  await expect(run).not.toContainText('The design has changed since this table was made');

  // Pin what the table now has: nothing left to migrate.
  await result.getByRole('button', { name: 'Mark this design as deployed' }).click();
  await expect(result).toContainText('✓ The migrated design is pinned as the deployed one.');
  await panelTab(page, 'Changes').click();
  await expect(view.getByRole('group', { name: 'Deployed design' })).toContainText(`Deployed: table ${tableName}`);
  await expect(view).toContainText('The current design is the deployed one: nothing to migrate.', { timeout: 20_000 });

  // The same design read back from the table (Tablewright stored it there when the panel created the
  // table, and the migration replaced it with the one it reached): unpinned, then loaded from the table.
  const pinnedText = await view.getByRole('group', { name: 'Deployed design' }).locator('.tw-deployed__status').innerText();
  await view.getByRole('button', { name: 'Unpin' }).click();
  await expect(view).toContainText('No deployed design is pinned');
  await panelTab(page, 'Run').click();
  await migrate.getByRole('textbox', { name: 'Table' }).fill(`${tableName}-none`);
  await migrate.getByRole('button', { name: 'Load the deployed design from this table' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `There is no table ${tableName}-none at this endpoint. Nothing was pinned.` })).toBeVisible();
  await migrate.getByRole('textbox', { name: 'Table' }).fill(tableName);
  await migrate.getByRole('button', { name: 'Load the deployed design from this table' }).click();
  await expect(page.getByText(`The design stored in table ${tableName} is pinned as the deployed design of table ${tableName}`)).toBeVisible({
    timeout: 20_000,
  });
  await panelTab(page, 'Changes').click();
  await expect(view.getByRole('group', { name: 'Deployed design' }).locator('.tw-deployed__status')).toHaveText(pinnedText);
  await expect(view).toContainText('The current design is the deployed one: nothing to migrate.', { timeout: 20_000 });

  // Only the two tagging calls DynamoDB Local does not have were answered 400.
  expect(refused.length).toBeGreaterThan(0);
  expect(new Set(refused)).toEqual(new Set(['DynamoDB_20120810.ListTagsOfResource', 'DynamoDB_20120810.TagResource']));

  // Clean up through the panel.
  await panelTab(page, 'Run').click();
  await run.getByRole('button', { name: 'Delete table…' }).click();
  await page.getByRole('textbox', { name: `Type ${tableName} to confirm` }).fill(tableName);
  await page.getByRole('dialog').getByRole('button', { name: 'Delete table' }).click();
  await expect(run.getByRole('button', { name: 'Create table' })).toBeVisible({ timeout: 30_000 });
});

test('the pin is kept by a reload, travels in a share link, marks what the live table cannot take in the editor, and a damaged design.json is refused', async ({
  page,
  context,
}) => {
  await openEcommerce(page);
  await panelTab(page, 'Changes').click();
  const view = changesView(page);
  await view.getByRole('button', { name: 'Mark as deployed' }).click();
  const bar = view.getByRole('group', { name: 'Deployed design' });
  await expect(bar).toContainText('Deployed: table ECommerce');
  const identity = await bar.locator('code').first().textContent();

  await page.reload();
  await panelTab(page, 'Changes').click();
  await expect(changesView(page).getByRole('group', { name: 'Deployed design' })).toContainText(`design ${identity}`);

  // A change the live table cannot take (Order's sort key holds createdAt, made optional): an error in the editor, and first in the view.
  const text = ecommerceText();
  const optional = text.replace(
    '  status: "pending" | "paid" | "shipped" | "delivered"\n  createdAt: datetime',
    '  status: "pending" | "paid" | "shipped" | "delivered"\n  createdAt?: datetime',
  );
  expect(optional).not.toBe(text);
  await pasteModel(page, optional);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('button', { name: /Order's table key would change/ })).toBeVisible({ timeout: 20_000 });
  // Its line (the entity) is marked in the editor once shown.
  await problems.getByRole('button', { name: /Order's table key would change/ }).click();
  await expect(page.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);
  const impossible = changesView(page).getByRole('alert').filter({ hasText: 'The live table cannot take this change' });
  await expect(impossible).toContainText("Order's table key would change");
  await expect(changesView(page).getByRole('button', { name: 'Run the migration…' })).toHaveCount(0);

  // The share link carries the pin.
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this model' });
  await expect(dialog).toContainText('the design pinned as deployed');
  const url = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.keyboard.press('Escape');
  const other = await context.newPage();
  await other.goto(url);
  await panelTab(other, 'Changes').click();
  await expect(changesView(other).getByRole('group', { name: 'Deployed design' })).toContainText(`design ${identity}`);
  await other.close();

  // A damaged design.json: refused with its place, the pin unchanged.
  await changesView(page)
    .getByLabel('Deployed design file')
    .setInputFiles({
      name: 'broken.design.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "format": "tablewright-design/1",\n  "tableName": 7\n}\n'),
    });
  const notice = page.getByRole('alert').filter({ hasText: 'broken.design.json is not a design Tablewright can pin' });
  await expect(notice).toContainText(/line \d+, col \d+: /);
  await expect(changesView(page).getByRole('group', { name: 'Deployed design' })).toContainText(`design ${identity}`);

  await changesView(page).getByRole('button', { name: 'Unpin' }).click();
  await expect(changesView(page)).toContainText('No deployed design is pinned');
});

test.describe('at 680 px wide', () => {
  test.use({ viewport: { width: 680, height: 800 } });

  test('the Changes view fits without a horizontal page scroll', async ({ page }) => {
    await openEcommerce(page);
    await panelTab(page, 'Changes').click();
    await changesView(page).getByRole('button', { name: 'Mark as deployed' }).click();
    await appendToModel(page, '\ngetOrdersByTotal: Order by status order by total desc\n');
    await expect(changesView(page).getByRole('list', { name: 'Migration steps' })).toBeVisible({ timeout: 20_000 });
    await expect(changesView(page).getByRole('list', { name: 'Migration steps' }).getByRole('listitem').first()).toContainText('backfill');
    const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
