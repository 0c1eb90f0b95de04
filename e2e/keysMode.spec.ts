// The GSI key mode is a switch beside the design: composite keys (one string
// attribute per key) or native ones (the items' own attributes). Switching derives
// the design afresh in that mode; the mode is kept by a reload and by a share link.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { monacoEditor, panelTab } from './appHelpers.ts';

const COMPOSITE_BY_STATUS = 'GSI2PK = ORDER#{status} AND begins_with(GSI2SK, ORDER#)';
const NATIVE_BY_STATUS = '_type = "Order" AND status = {status}';

function keysSwitch(page: Page) {
  return page.getByRole('region', { name: 'Design' }).getByRole('group', { name: 'GSI keys' });
}

/** The cell of the requests table that holds getOrdersByStatus's key condition. */
function byStatusCondition(page: Page, condition: string) {
  const requests = page.getByRole('table', { name: 'Requests per access pattern' });
  const row = requests.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'getOrdersByStatus', exact: true }) });
  return row.getByRole('cell', { name: condition, exact: true });
}

async function openEcommerceDesign(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'E-commerce' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await panelTab(page, 'Design').click();
}

test('switching to native keys shows native GSIs, a reload keeps the mode, and Composite switches back', async ({ page }) => {
  await openEcommerceDesign(page);
  const design = page.getByRole('region', { name: 'Design' });
  const composite = keysSwitch(page).getByRole('radio', { name: 'Composite' });
  const native = keysSwitch(page).getByRole('radio', { name: 'Native' });
  await expect(composite).toBeChecked();
  await expect(native).not.toBeChecked();
  await expect(composite).toHaveAccessibleDescription(/one string attribute per key: GSI1PK = ORDER#\{status\}/);
  await expect(native).toHaveAccessibleDescription(/the items' own attributes.*up to 4 in the partition key and 4 in the sort key/);
  await expect(keysSwitch(page)).toHaveAccessibleDescription(/table's own key is composite either way/);
  await expect(design).toContainText('2 GSIs, 11 access patterns');
  await expect(byStatusCondition(page, COMPOSITE_BY_STATUS)).toBeVisible();

  // By keyboard: the arrow key moves the choice within the group.
  await composite.focus();
  await page.keyboard.press('ArrowRight');
  await expect(native).toBeChecked();
  await expect(native).toBeFocused();
  await expect(byStatusCondition(page, NATIVE_BY_STATUS)).toBeVisible();
  await expect(design).toContainText('5 GSIs, 11 access patterns');
  // Derived afresh: nothing listed as changed from the composite design.
  await expect(design.getByRole('heading', { name: /Changed from the previous design/ })).toHaveCount(0);

  // At 680 px the switch wraps rather than pushing the panel sideways.
  await page.setViewportSize({ width: 680, height: 900 });
  await expect(native).toBeVisible();
  expect(await keysSwitch(page).evaluate((group) => group.scrollWidth <= group.clientWidth)).toBe(true);
  expect(await design.evaluate((panel) => panel.scrollWidth <= panel.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.reload();
  await monacoEditor(page);
  await expect(keysSwitch(page).getByRole('radio', { name: 'Native' })).toBeChecked();
  await expect(byStatusCondition(page, NATIVE_BY_STATUS)).toBeVisible();

  await keysSwitch(page).getByRole('radio', { name: 'Composite' }).click();
  await expect(keysSwitch(page).getByRole('radio', { name: 'Composite' })).toBeChecked();
  await expect(byStatusCondition(page, COMPOSITE_BY_STATUS)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('2 GSIs, 11 access patterns');
});

test('a share link opens in the key mode it was made in', async ({ page, browser }) => {
  await openEcommerceDesign(page);
  await keysSwitch(page).getByRole('radio', { name: 'Native' }).check();
  await expect(byStatusCondition(page, NATIVE_BY_STATUS)).toBeVisible();
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this model' });
  await expect(dialog).toContainText('composite or native');
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(keysSwitch(second).getByRole('radio', { name: 'Native' })).toBeChecked();
  await expect(byStatusCondition(second, NATIVE_BY_STATUS)).toBeVisible();
  await other.close();
});
