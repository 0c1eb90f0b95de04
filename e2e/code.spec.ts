// The Code panel: the generated module for the current design, copied to the
// clipboard and downloaded as accessPatterns.ts.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { appendToModel, panelTab } from './appHelpers.ts';

test('copies the generated AccessPatterns module, which follows the model', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await panelTab(page, 'Code').click();
  const panel = page.getByRole('region', { name: 'Code' });
  await expect(panel.getByRole('textbox', { name: 'Generated code' })).toBeAttached({ timeout: 20_000 });
  await expect(panel.locator('.view-lines')).toContainText('E-commerce: DynamoDB single-table access patterns');

  await panel.getByRole('button', { name: 'Copy code' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('export const AccessPatterns');
  expect(copied).toContain('getOrdersByStatus');
  expect(copied).not.toContain('getOrdersByTotal');

  await appendToModel(page, 'getOrdersByTotal: Order by status where total > ?\n');
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('3 warnings');
  await panel.getByRole('button', { name: 'Copy code' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('getOrdersByTotal');
});

test('downloads the module as accessPatterns.ts', async ({ page }) => {
  await page.goto('./');
  await panelTab(page, 'Code').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download code' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('accessPatterns.ts');
  const text = await readFile(await file.path(), 'utf8');
  expect(text).toContain('export const AccessPatterns');
});
