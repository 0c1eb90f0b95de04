// Share links: the whole model in the URL hash, restored exactly in another
// browser; a damaged link opens nothing and keeps the current work.
import { expect, test } from './fixtures.ts';
import { appendToModel, monacoEditor } from './appHelpers.ts';

test('a share link opens the same model in a fresh browser, exactly', async ({ page, browser }) => {
  await page.goto('./');
  await appendToModel(page, '# shared with ünïcödé ✓\ngetOrdersByTotal: Order by status where total > ?\n');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('3 GSIs');
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this model' });
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#m=[A-Za-z0-9+\-$]+$/);
  expect(link).not.toMatch(/key|secret|token|endpoint/i);

  // A new context: no autosaved work, nothing shared but the link.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByRole('region', { name: 'Design' })).toContainText('3 GSIs, 12 access patterns');
  await monacoEditor(second);
  // The same model makes the same link: the round trip lost nothing.
  await second.getByRole('button', { name: 'Share link' }).click();
  await expect(second.getByRole('dialog', { name: 'Share this model' }).getByRole('textbox', { name: 'Share link' })).toHaveValue(link);
  await other.close();
});

test('opening a share link is one undoable step over the current work', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Invoices and bills/ }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'E-commerce' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');

  await page.goto(link);
  await expect(page.getByRole('banner')).toContainText('Invoices and bills');
  await expect(page.getByRole('status').filter({ hasText: 'Opened the model from the link' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
});

test('a damaged or truncated share link says so and never replaces the current work', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Store locations/ }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Image site/ }).click();
  await expect(page.getByRole('banner')).toContainText('Image site');

  await page.goto(link.slice(0, link.length - 40));
  const alert = page.getByRole('alert').filter({ hasText: 'share link' });
  await expect(alert).toContainText('This share link is damaged');
  await expect(alert).toContainText('Your current work was kept');
  await expect(page.getByRole('banner')).toContainText('Image site');

  await page.goto('./#m=not*a*link');
  await expect(page.getByRole('alert').filter({ hasText: 'share link' })).toContainText('damaged');
  await expect(page.getByRole('banner')).toContainText('Image site');
});
