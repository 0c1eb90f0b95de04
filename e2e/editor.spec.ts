// The editor as the user meets it: the e-commerce example on a first visit, a
// new pattern that changes the design, an invalid line that marks the error
// and keeps the last design, and undo across the app.
import { expect, test } from './fixtures.ts';
import { appendToModel, editorLines, monacoEditor, panelTab } from './appHelpers.ts';

test('a first visit opens the e-commerce example, with its design and its items', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Tablewright' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('4 entities, 2 GSIs, 11 access patterns');

  await panelTab(page, 'Items').click();
  const items = page.getByRole('region', { name: 'Items' });
  await expect(items.getByRole('cell', { name: /^USER#/ }).first()).toBeVisible();
  await expect(items.getByRole('cell', { name: /^ORDER#/ }).first()).toBeVisible();
});

test('the page is usable before Monaco arrives: the same text in a labelled textarea', async ({ page }) => {
  // Hold back the editor's chunk: the fallback must carry the work meanwhile.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/MonacoEditor-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  const fallback = page.getByRole('textbox', { name: 'Model' });
  await expect(fallback).toHaveValue(/^model "E-commerce"/);
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('2 GSIs');
  release();
  await monacoEditor(page);
});

test('adding a pattern in the editor adds the GSI it needs', async ({ page }) => {
  await page.goto('./');
  const design = page.getByRole('region', { name: 'Design' });
  await expect(design).toContainText('2 GSIs, 11 access patterns');
  await appendToModel(page, 'getOrdersByTotal: Order by status where total > ?\n');
  await expect(design).toContainText('3 GSIs, 12 access patterns');
  await expect(design.getByRole('list', { name: 'Patterns served by GSI3' }).getByRole('listitem')).toHaveText(['getOrdersByTotal']);

  // Ctrl+Z in the editor uses the app's history: the whole insertion is one step.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(design).toContainText('2 GSIs, 11 access patterns');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(design).toContainText('3 GSIs, 12 access patterns');
});

test('an invalid line gets a located error marker and the last design stays, marked stale', async ({ page }) => {
  await page.goto('./');
  const design = page.getByRole('region', { name: 'Design' });
  await expect(design).toContainText('2 GSIs, 11 access patterns');
  await appendToModel(page, 'getOrdersByTotal: Order by statuz\n');

  const problems = page.getByRole('region', { name: 'Problems' });
  // Design warnings need a design: while the model has errors only the error is listed.
  await expect(problems.getByRole('status')).toHaveText('1 error');
  await expect(problems.getByRole('button', { name: /43:28.*Order has no attribute "statuz"/ })).toBeVisible();
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await expect(page.getByText('Stale — fix the errors to update.')).toBeVisible();
  // The last good design is still there.
  await expect(design).toContainText('2 GSIs, 11 access patterns');

  // Undo with the toolbar, as one step for the whole burst of typing.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Stale — fix the errors to update.')).toHaveCount(0);
  await expect(problems.getByRole('status')).toHaveText('2 warnings');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.getByRole('button', { name: 'Redo' }).click();
  // Design warnings need a design: while the model has errors only the error is listed.
  await expect(problems.getByRole('status')).toHaveText('1 error');
});

test('Ctrl+Z outside the editor undoes an example opened from the gallery', async ({ page }) => {
  await page.goto('./');
  await monacoEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'Game scores leaderboard (top scores per game)' }).click();
  await expect(page.getByRole('banner')).toContainText('Game scores leaderboard');
  await expect(page.getByRole('textbox', { name: 'Model' })).toBeAttached();

  await panelTab(page, 'Design').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
});

test('the model converts to problem JSON and back, and a model with errors is not converted', async ({ page }) => {
  await page.goto('./');
  await monacoEditor(page);
  const form = page.getByRole('group', { name: 'Model form' });
  await form.getByRole('button', { name: 'Problem JSON' }).click();
  await expect(form.getByRole('button', { name: 'Problem JSON' })).toHaveAttribute('aria-pressed', 'true');
  await expect(editorLines(page)).toContainText('"format": "ddb-design-problem/1"');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('2 GSIs, 11 access patterns');

  await form.getByRole('button', { name: 'Text' }).click();
  await expect(editorLines(page)).toContainText('model "E-commerce"');
  await appendToModel(page, 'broken: Nope by x\n');
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toContainText('1 error');
  await form.getByRole('button', { name: 'Problem JSON' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The model has errors' });
  await expect(alert).toContainText(/line 43, col \d+: /);
  await expect(form.getByRole('button', { name: 'Text' })).toHaveAttribute('aria-pressed', 'true');
});

test('hovering a pattern line names the index and key condition that serve it', async ({ page }) => {
  await page.goto('./');
  await monacoEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Image site global leaderboard/ }).click();
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('1 entity, 1 GSI, 2 access patterns');
  await page.locator('.monaco-editor .view-line', { hasText: 'getTopImages: Image' }).hover({ position: { x: 40, y: 8 } });
  const hover = page.locator('.monaco-hover').filter({ hasText: 'getTopImages' });
  await expect(hover).toContainText('getTopImages returns Image');
  await expect(hover).toContainText('Query on GSI1, descending: GSI1PK = ');
});

test('a colour code in the model gets no colour swatch: the language has no colours', async ({ page }) => {
  await page.goto('./');
  await appendToModel(page, '\n# brand colour #ff0000\n');
  await expect(editorLines(page)).toContainText('# brand colour #ff0000');
  // Monaco looks for colour codes a moment after an edit (its worker); give it longer than that.
  await page.waitForTimeout(2500);
  await expect(page.locator('.monaco-editor .colorpicker-color-decoration')).toHaveCount(0);
});
