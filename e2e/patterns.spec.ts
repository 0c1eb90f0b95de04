// The patterns panel: requests, parameters, results, and the grid highlighting them.
import { readFileSync } from 'node:fs';
import { shareHash } from '../src/store/shareLink.ts';
import type { Locator } from '@playwright/test';
import { appendToModel, monacoEditor } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';

const ecommerce = readFileSync(new URL('../src/examples/ecommerce.problem.json', import.meta.url), 'utf8');

test.beforeEach(async ({ page }) => {
  await page.goto(`./${shareHash({ text: ecommerce, format: 'json' })}`);
  await page.getByRole('tab', { name: 'Patterns' }).click();
});

/** The number in the selected pattern's "Returns N items". */
async function resultCount(card: Locator): Promise<number> {
  const status = card.getByRole('status');
  await expect(status).toHaveText(/^Returns \d+ items?$/);
  return Number((await status.textContent())?.match(/\d+/)?.[0]);
}

test('picking a pattern shows its request and highlights exactly its result items in the grid', async ({ page }) => {
  const select = page.getByRole('button', { name: 'Select pattern getUserOrders' });
  await select.click();
  await expect(select).toHaveAttribute('aria-pressed', 'true');
  const card = page.getByRole('article', { name: 'getUserOrders', exact: true });
  await expect(card).toContainText('Query on the table');
  await expect(card).toContainText('#pk = :pk AND begins_with(#sk, :sk)');
  await expect(card).toContainText('descending');

  const n = await resultCount(card);
  expect(n).toBeGreaterThan(0);
  await expect(card.getByRole('list', { name: 'Items returned by getUserOrders' }).getByRole('listitem')).toHaveCount(n);

  await page.getByRole('tab', { name: 'Items' }).click();
  const grid = page.getByRole('table', { name: 'Items in table' });
  await expect(grid.getByRole('row', { selected: true })).toHaveCount(n);
  await expect(grid.getByRole('row', { selected: true }).first()).toBeInViewport();
});

test("a pattern served by a GSI switches the grid to that index's view", async ({ page }) => {
  await page.getByRole('button', { name: 'Select pattern getOrdersByStatus' }).click();
  const n = await resultCount(page.getByRole('article', { name: 'getOrdersByStatus', exact: true }));
  await page.getByRole('tab', { name: 'Items' }).click();
  const grid = page.getByRole('table', { name: 'Items in GSI2' });
  await expect(grid).toBeVisible();
  await expect(page.getByLabel('View', { exact: true })).toHaveValue('GSI2');
  await expect(grid.getByRole('row', { selected: true }).first()).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Items', exact: true }).getByRole('status')).toContainText(
    `${n} of ${n} result items of getOrdersByStatus highlighted`,
  );
});

test('changing a parameter changes the request and the result', async ({ page }) => {
  await page.getByRole('button', { name: 'Select pattern getUserOrders' }).click();
  const card = page.getByRole('article', { name: 'getUserOrders', exact: true });
  const email = card.getByRole('group', { name: 'Parameters of getUserOrders' }).getByLabel('userEmail equals');
  await email.fill('nobody@example.com');
  await expect(card).toContainText(':pk: "USER#nobody@example.com"');
  await expect(card.getByRole('status')).toHaveText('Returns 0 items');
  await card.getByRole('button', { name: 'Reset to sample values' }).click();
  expect(await resultCount(card)).toBeGreaterThan(0);

  await email.fill('nobody@example.com');
  await page.getByRole('tab', { name: 'Items' }).click();
  await expect(page.getByRole('table', { name: 'Items in table' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Items', exact: true }).getByRole('status')).toContainText('0 of 0 result items of getUserOrders highlighted');
  await expect(page.getByRole('table', { name: 'Items in table' }).getByRole('row', { selected: true })).toHaveCount(0);
});

test('a value that is not a number is refused where it is typed', async ({ page }) => {
  const problem = JSON.parse(ecommerce) as { patterns: unknown[] };
  problem.patterns.push({ name: 'getProductsByPrice', entity: 'Product', equals: ['price'], returns: 'many' });
  await page.goto(`./${shareHash({ text: JSON.stringify(problem, null, 2), format: 'json' })}`);
  await page.getByRole('tab', { name: 'Patterns' }).click();
  const card = page.getByRole('article', { name: 'getProductsByPrice', exact: true });
  const price = card.getByLabel('price equals');
  await expect(price).toHaveAttribute('type', 'number');
  await price.fill('');
  await expect(price).toHaveAttribute('aria-invalid', 'true');
  await expect(price).toHaveAccessibleDescription('Enter a number.');
  await price.fill('12.5');
  await expect(price).toHaveAttribute('aria-invalid', 'false');
  // 12.5 as the engine writes numbers in keys, so they sort numerically.
  await expect(card).toContainText('P401.125');
});

test('a range on a by attribute is one pair input, and its edited value survives re-analysis', async ({ page }) => {
  const sensors = [
    'model "Sensors"',
    '',
    'entity Reading key (sensor, day, at) count 20',
    '  sensor: string',
    '  day: date',
    '  at: datetime',
    '',
    'byDay: Reading by sensor, day where day between ? and ?',
    '',
  ].join('\n');
  await page.goto(`./${shareHash({ text: sensors, format: 'text' })}`);
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await monacoEditor(page);
  const card = page.getByRole('article', { name: 'byDay', exact: true });
  const group = card.getByRole('group', { name: 'Parameters of byDay' });
  await expect(group).toBeVisible();
  // sensor, then ONE day parameter: a [low, high] pair (not a scalar day beside it): three inputs.
  await expect(group.locator('input, select')).toHaveCount(3);
  await expect(group.getByLabel('sensor equals')).toBeVisible();
  await expect(group.getByLabel('day from')).toHaveCount(1);
  await expect(group.getByLabel('day to')).toHaveCount(1);
  await expect(group.getByLabel('day equals')).toHaveCount(0);
  await expect(group.getByText('day between')).toBeVisible();

  const from = group.getByLabel('day from');
  await from.fill('2024-02-01');
  await expect(card.getByRole('button', { name: 'Reset to sample values' })).toBeVisible();

  // An unrelated change: another pattern. The analysis reruns (its card appears) and keeps the edit.
  await appendToModel(page, 'bySensor: Reading by sensor\n');
  await expect(page.getByRole('article', { name: 'bySensor', exact: true })).toBeVisible();
  await expect(from).toHaveValue('2024-02-01');
  await expect(card.getByRole('button', { name: 'Reset to sample values' })).toBeVisible();
});

test('a between range on a by attribute sends no request and says the answer is always empty', async ({ page }) => {
  const sensors = [
    'model "Sensors"',
    '',
    'entity Reading key (sensor, seq) count 20',
    '  sensor: string',
    '  seq: number',
    '  day: date',
    '',
    'bySensor: Reading by sensor where day between ? and ?',
    'byDay: Reading by sensor, day where day between ? and ?',
    '',
  ].join('\n');
  await page.goto(`./${shareHash({ text: sensors, format: 'text' })}`);
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await monacoEditor(page);
  const card = page.getByRole('article', { name: 'byDay', exact: true });
  const why = 'No request: the answer is always empty (day is compared with a pair).';
  await expect(card.getByText(why)).toBeVisible();
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(card).not.toContainText('KeyConditionExpression');
  // A between on an attribute that is not in by is a request as ever.
  await expect(page.getByRole('article', { name: 'bySensor', exact: true })).toContainText('KeyConditionExpression');

  // Selected, the store's requests: still none, and the answer is empty.
  const select = page.getByRole('button', { name: 'Select pattern byDay' });
  await select.click();
  await expect(select).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByText(why)).toBeVisible();
  await expect(card.getByRole('status')).toHaveText('Returns 0 items');
  await expect(card.getByRole('alert')).toHaveCount(0);
});

test('a pattern with a fixed value and a limit asks for no parameter for the value, sends the literal and Limit, and returns at most that many', async ({
  page,
}) => {
  const games = [
    'model "Games"',
    '',
    'entity Game key gameId count 60',
    '  gameId: string',
    '  hostId: string',
    '  status: "open" | "playing" | "done"',
    '  createdAt: datetime',
    '',
    'newestOpen: Game where status = "open" order by createdAt desc limit 3',
    'openOfHost: Game by hostId where status = "open"',
    '',
  ].join('\n');
  await page.goto(`./${shareHash({ text: games, format: 'text' })}`);
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await monacoEditor(page);
  const card = page.getByRole('article', { name: 'newestOpen', exact: true });
  await expect(card).toContainText('Game where status = "open" · first 3 · returns many');
  await expect(card.getByRole('group', { name: 'Parameters of newestOpen' }).locator('input, select')).toHaveCount(0);
  await expect(card).toContainText(':pk: "GAME#open"');
  await expect(card).toContainText('LIMIT 3');

  // Selected (after another one: the first pattern may be selected already), its answer in memory: the first 3.
  await page.getByRole('button', { name: 'Select pattern openOfHost' }).click();
  const select = page.getByRole('button', { name: 'Select pattern newestOpen' });
  await select.click();
  await expect(select).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('status')).toHaveText('Returns 3 items');

  // Beside a parameter, the fixed value is still no input: one for hostId only.
  const other = page.getByRole('article', { name: 'openOfHost', exact: true });
  await expect(other.getByRole('group', { name: 'Parameters of openOfHost' }).locator('input, select')).toHaveCount(1);
  await expect(other.getByRole('group', { name: 'Parameters of openOfHost' }).getByLabel('hostId equals')).toBeVisible();
});
