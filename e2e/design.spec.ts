// The design panel: the entity chart, the indexes' patterns, pattern → request, warnings.
import { readFileSync } from 'node:fs';
import { shareHash } from '../src/store/shareLink.ts';
import { expect, test } from './fixtures.ts';

const ecommerce = readFileSync(new URL('../src/examples/ecommerce.problem.json', import.meta.url), 'utf8');

test.beforeEach(async ({ page }) => {
  await page.goto(`./${shareHash({ text: ecommerce, format: 'json' })}`);
  await page.getByRole('tab', { name: 'Design' }).click();
});

test("the e-commerce design's entity chart shows each entity's key templates per index", async ({ page }) => {
  const chart = page.getByRole('table', { name: 'Entity chart' });
  await expect(chart).toBeVisible();
  for (const header of ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK']) {
    await expect(chart.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  const user = chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'User', exact: true }) });
  // PK, SK, then GSI1PK, GSI1SK, then GSI2PK, GSI2SK.
  await expect(user.getByRole('cell')).toHaveText(['USER#{email}', 'USER', 'USER#{userId}', 'USER#{email}', 'USER#{plan}', 'USER#{createdAt}#{email}']);
  const review = chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Review', exact: true }) });
  await expect(review.getByRole('cell', { name: 'not in GSI1' })).toBeVisible();
  await expect(chart.getByRole('list', { name: 'Patterns served by GSI2' }).getByRole('listitem')).toHaveText(['getUsersByPlan', 'getOrdersByStatus']);
});

test('each pattern shows the request it becomes and why, and the warnings are listed', async ({ page }) => {
  const requests = page.getByRole('table', { name: 'Requests per access pattern' });
  const row = requests.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'getOrdersByStatus', exact: true }) });
  await expect(row.getByRole('cell', { name: 'GSI2PK = ORDER#{status} AND begins_with(GSI2SK, ORDER#)' })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Query on GSI2 ascending' })).toBeVisible();

  await expect(page.getByRole('heading', { name: /Warnings and errors \(0 errors, 2 warnings\)/ })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'keys.hotPartition' }).first()).toContainText('getUsersByPlan');
});

test('the Writes section says how each entity is written: found by its key or through an identity guard, and which updates read first', async ({ page }) => {
  const writes = page.getByRole('list', { name: 'Writes', exact: true });
  const order = writes.getByRole('listitem').filter({ hasText: /^Order:/ });
  await expect(order).toContainText('an identity guard item ($id#ORDER#{orderId})');
  await expect(order).toContainText('Every update reads the record first');
  const user = writes.getByRole('listitem').filter({ hasText: /^User:/ });
  await expect(user).toContainText('Its item is found from its key (email)');
  await expect(user).toContainText('A change of userId, name is one UpdateItem');
});
