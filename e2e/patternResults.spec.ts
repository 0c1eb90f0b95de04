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
