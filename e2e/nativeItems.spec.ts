// A design with native GSI keys in the items grid and the entity chart: a
// native GSI's view is keyed on the items' own attributes (the entity attribute
// first), holds the items that have them, groups them by their partition
// values and sorts them by the sort attribute's own type (a number numerically).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { panelTab } from './appHelpers.ts';

async function openNativeEcommerce(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'E-commerce' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await panelTab(page, 'Design').click();
  await page.getByRole('region', { name: 'Design' }).getByRole('group', { name: 'GSI keys' }).getByRole('radio', { name: 'Native' }).check();
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('5 GSIs, 11 access patterns');
}

test('the entity chart names a native GSI’s key attributes and writes its templates one value per attribute', async ({ page }) => {
  await openNativeEcommerce(page);
  const chart = page.getByRole('table', { name: 'Entity chart' });
  await expect(chart.getByRole('columnheader', { name: '_type + category', exact: true })).toBeVisible();
  await expect(chart.getByRole('columnheader', { name: 'views', exact: true })).toBeVisible();
  const product = chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Product', exact: true }) });
  await expect(product.getByRole('cell', { name: '"Product" + {category}', exact: true })).toBeVisible();
  await expect(product.getByRole('cell', { name: '{views}', exact: true })).toBeVisible();
  await expect(product.getByRole('cell', { name: 'PRODUCT#{productId}', exact: true })).toBeVisible();
});

test('a native GSI’s view shows its key attributes first, only the items that have them, sorted by a number numerically', async ({ page }) => {
  await openNativeEcommerce(page);
  await panelTab(page, 'Items').click();
  const view = page.getByLabel('View', { exact: true });
  await expect(view.getByRole('option', { name: 'GSI5 (_type + category / views)' })).toBeAttached();
  await view.selectOption('GSI5');
  const items = page.getByRole('region', { name: 'Items', exact: true });
  // GSI5 holds the 60 products, each with a category and a number of views.
  await expect(items.getByRole('status')).toContainText('60 items');
  await expect(items.getByRole('status')).toContainText('only items with _type and category as strings and views as a number');
  const grid = page.getByRole('table', { name: 'Items in GSI5' });
  const headers = grid.getByRole('columnheader');
  await expect(headers.nth(0)).toHaveText('_type');
  await expect(headers.nth(1)).toHaveText('category');
  await expect(headers.nth(2)).toHaveText('views');
  await expect(grid.getByRole('rowheader').first()).toContainText(/^"Product" \+ ".+"\d+ items?$/);

  // The first partition's items, in grid order: views ascending as numbers.
  const rows = grid.getByRole('row');
  const views: number[] = [];
  const total = await rows.count();
  for (let i = 1; i < total; i++) {
    const row = rows.nth(i);
    if ((await row.getByRole('rowheader').count()) > 0) {
      if (views.length > 0) break;
      continue;
    }
    views.push(Number(await row.getByRole('cell').nth(2).textContent()));
  }
  expect(views.length).toBeGreaterThan(1);
  expect(views).toEqual([...views].sort((a, b) => a - b));
});
