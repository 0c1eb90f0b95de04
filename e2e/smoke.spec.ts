import { expect, test } from './fixtures.ts';

test('the app loads from the production build and shows its name', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Tablewright' })).toBeVisible();
});
