// Learning the language from the app: the reference behind the editor's ?, a keyword's
// documentation on hover, a quick fix that rewrites a line, and New model asking before
// it replaces work of the user's own (Undo brings the work back).
import { expect, test } from './fixtures.ts';
import { appendToModel, editorLines, monacoEditor } from './appHelpers.ts';

test('the ? in the editor opens the language reference: a keyword is found, Escape closes it', async ({ page }) => {
  await page.goto('./');
  await monacoEditor(page);
  const open = page.getByRole('button', { name: 'Language reference' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Language reference' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('limit');
  const entries = dialog.getByTestId('language-help-entry');
  await expect(entries.first()).toContainText('limit N');
  await expect(entries.first()).toContainText('limit 1');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test('hovering a keyword shows its documentation', async ({ page }) => {
  await page.goto('./');
  await monacoEditor(page);
  const line = page.locator('.monaco-editor .view-line', { hasText: 'entity Order key orderId' });
  await line.locator('span span', { hasText: /^key$/ }).first().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'The attributes that identify one record' })).toBeVisible();
});

test('a quick fix turns newest first without a range into order by', async ({ page }) => {
  await page.goto('./');
  await appendToModel(page, 'latestOrders: Order by userEmail newest first');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await page.keyboard.press('ControlOrMeta+Period');
  await page.getByText('Replace with order by createdAt desc').click();
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  // The fixed source is analysed at once: the Problems list changes under the editor, which may scroll the last
  // line out of view (Monaco renders only the lines in view), and may do so after a first Ctrl+End brought it back.
  await expect(async () => {
    await page.keyboard.press('ControlOrMeta+End');
    await expect(editorLines(page)).toContainText('latestOrders: Order by userEmail order by createdAt desc', { timeout: 1000 });
  }).toPass();
});

test('New model asks first when the work has changed, opens the skeleton, and Undo brings the work back', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await appendToModel(page, '\nordersByStatus: Order by status\n');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('12 access patterns');

  await page.getByRole('button', { name: 'New model' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace your model?' });
  await expect(confirm).toContainText('Undo');
  await confirm.getByRole('button', { name: 'Open a new model' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('banner')).toContainText('My app');
  await expect(editorLines(page)).toContainText('entity Item key itemId');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('12 access patterns');
});

test('a question asked again at once, just after Cancel, waits for its own answer', async ({ page }) => {
  await page.goto('./');
  await appendToModel(page, '\nordersByStatus: Order by status\n');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('12 access patterns');
  await page.getByRole('button', { name: 'New model' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace your model?' });
  await expect(confirm).toBeVisible();
  // Cancel, then the same question again in the same task (React renders the first answer between
  // them): the first dialog's close event comes a task later, after the second question is open,
  // and must not answer it.
  await page.evaluate(async () => {
    const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    button('Cancel')?.click();
    // React renders the closed dialog in a microtask; the element's close event is a task.
    for (let i = 0; i < 3; i++) await Promise.resolve();
    button('New model')?.click();
  });
  await expect(confirm.getByRole('button', { name: 'Open a new model' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Open a new model' }).click();
  await expect(page.getByRole('banner')).toContainText('My app');
});
