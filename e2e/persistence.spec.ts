// Autosave: a reload brings back the model, its form, the panel shown and the
// selected pattern; nothing is lost between visits.
import { expect, test } from './fixtures.ts';
import { appendToModel, editorLines, monacoEditor, panelTab } from './appHelpers.ts';

test('a reload keeps the work: the text, its form and the panel shown', async ({ page }) => {
  await page.goto('./');
  await appendToModel(page, 'getOrdersByTotal: Order by status where total > ?\n');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('3 GSIs');
  await page.getByRole('group', { name: 'Model form' }).getByRole('button', { name: 'Problem JSON' }).click();
  await panelTab(page, 'Patterns').click();
  await expect(panelTab(page, 'Patterns')).toHaveAttribute('aria-selected', 'true');

  await page.reload();
  await monacoEditor(page);
  await expect(editorLines(page)).toContainText('"format": "ddb-design-problem/1"');
  await expect(page.getByRole('group', { name: 'Model form' }).getByRole('button', { name: 'Problem JSON' })).toHaveAttribute('aria-pressed', 'true');
  await expect(panelTab(page, 'Patterns')).toHaveAttribute('aria-selected', 'true');
  await panelTab(page, 'Design').click();
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('3 GSIs, 12 access patterns');
});

test('a reload keeps the selected pattern, its parameters, the sample size and the grid view', async ({ page }) => {
  await page.goto('./');
  await panelTab(page, 'Patterns').click();
  await page.getByRole('button', { name: 'Select pattern getOrdersByStatus' }).click();
  await expect(page.getByRole('button', { name: 'Select pattern getOrdersByStatus' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('article', { name: 'getOrdersByStatus' }).getByLabel('status equals').selectOption('shipped');
  await panelTab(page, 'Items').click();
  const items = page.getByRole('region', { name: 'Items' });
  await items.getByLabel('Sample size').selectOption('2');
  await items.getByLabel('View').selectOption('GSI1');
  await expect(items.getByRole('status')).toContainText('of 820: only items with GSI1PK');

  await page.reload();
  await expect(panelTab(page, 'Items')).toHaveAttribute('aria-selected', 'true');
  await expect(items.getByLabel('View')).toHaveValue('GSI1');
  await expect(items.getByLabel('Sample size')).toHaveValue('2');
  await panelTab(page, 'Patterns').click();
  await expect(page.getByRole('button', { name: 'Select pattern getOrdersByStatus' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('article', { name: 'getOrdersByStatus' }).getByLabel('status equals').locator('option:checked')).toHaveText('shipped');
});
