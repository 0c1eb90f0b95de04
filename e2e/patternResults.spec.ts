// The Patterns panel's results show the items' attributes (issue 12, "Honest verification"): the
// pattern's order, range and equality attributes and the entity's key, so the order can be checked by eye.
import { readFileSync } from 'node:fs';
import { shareHash } from '../src/store/shareLink.ts';
import { expect, test } from './fixtures.ts';

const ecommerce = readFileSync(new URL('../src/examples/ecommerce.problem.json', import.meta.url), 'utf8');

test.beforeEach(async ({ page }) => {
  await page.goto(`./${shareHash({ text: ecommerce, format: 'json' })}`);
  await page.getByRole('tab', { name: 'Patterns' }).click();
});

test('each result row shows the order attribute, the equality attribute and the key, in the answer’s order', async ({ page }) => {
  await page.getByRole('button', { name: 'Select pattern getTrendingProducts' }).click();
  const card = page.getByRole('article', { name: 'getTrendingProducts', exact: true });
  const rows = card.getByRole('list', { name: 'Items returned by getTrendingProducts' }).getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const texts = await rows.allTextContents();
  expect(texts.length).toBeGreaterThan(1);
  const views = texts.map((t) => {
    expect(t).toMatch(/category "/);
    expect(t).toMatch(/productId "/);
    return Number(/views (\d+(?:\.\d+)?)/.exec(t)?.[1]);
  });
  // Most viewed first: the attributes shown let the eye (and this test) check it.
  expect(views.every((v) => Number.isFinite(v))).toBe(true);
  expect([...views].sort((a, b) => b - a)).toEqual(views);
});

test('a parameter the pattern cannot take is refused next to its input and builds no request', async ({ page }) => {
  await page.getByRole('button', { name: 'Select pattern getProductReviews' }).click();
  const card = page.getByRole('article', { name: 'getProductReviews', exact: true });
  await expect(card.getByRole('status')).toHaveText(/^Returns \d+ items?$/);
  const from = card.getByLabel('createdAt from');
  // A date input takes only real dates; typed text reaches the rule as the browser hands it over.
  await from.evaluate((input: HTMLInputElement) => {
    input.type = 'text';
  });
  await from.fill('2024-13-45');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('Takes a date YYYY-MM-DD (a real calendar day), got "2024-13-45".')).toBeVisible();
  await expect(card.getByRole('alert')).toContainText('Not run');
  await expect(card.getByText('Query on')).toHaveCount(0);
  await expect(card.getByRole('list', { name: 'Items returned by getProductReviews' })).toHaveCount(0);
  await from.fill('2024-02-29');
  await expect(from).toHaveAttribute('aria-invalid', 'false');
  await expect(card.getByRole('status')).toHaveText(/^Returns \d+ items?$/);
});
