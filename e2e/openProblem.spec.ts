// Bringing a design problem in: the file picker, drag and drop, and paste; in
// either form. A file that does not load shows located errors and the current
// work stays. Saving downloads the model in either form.
import { readFile } from 'node:fs/promises';
import { editorLines, monacoEditor } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';

const examples = new URL('../src/examples/', import.meta.url);
const gameScores = () => readFile(new URL('aws-game-scores-leaderboard.problem.json', examples));

test('opens a problem JSON file from the file picker, as one undoable step', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await page.getByLabel('Open problem file').setInputFiles({ name: 'scores.problem.json', mimeType: 'application/json', buffer: await gameScores() });
  await expect(page.getByRole('banner')).toContainText('Game scores leaderboard');
  await expect(page.getByRole('status').filter({ hasText: 'Opened scores.problem.json' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Model form' }).getByRole('button', { name: 'Problem JSON' })).toHaveAttribute('aria-pressed', 'true');
  await monacoEditor(page);
  await expect(editorLines(page)).toContainText('"name": "Game scores leaderboard (top scores per game)"');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await expect(editorLines(page)).toContainText('model "E-commerce"');
});

test('a file with errors is not opened: its errors are listed with their lines, and the work stays', async ({ page }) => {
  await page.goto('./');
  const broken = (await gameScores()).toString('utf8').replace('"equals": ["gameTitle"]', '"equals": ["gaemTitle"]');
  expect(broken).toContain('gaemTitle');
  await page.getByLabel('Open problem file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
  await expect(alert).toContainText('broken.json was not opened: it has 1 error. Your current work was kept.');
  await expect(alert).toContainText(/line 22, col \d+: GameScore has no attribute "gaemTitle"/);
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('opens a model in the text form dropped on the page', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  const text = 'model "Dropped"\n\nentity Note key id\n  id: string\n\ngetNote: Note by id returns one\n';
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'notes.model.txt', { type: 'text/plain' }));
    return transfer;
  }, text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByRole('banner')).toContainText('Dropped');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('1 entity, 0 GSIs, 1 access pattern');
});

test('a pasted problem opens when it loads, and shows its located errors when it does not', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Paste…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a problem' });
  const box = dialog.getByRole('textbox', { name: 'Problem JSON or model text' });
  await box.fill('model "Pasted"\n\nentity Note key id\n  id: string\n\ngetNote: Note by idd\n');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Your current work was kept');
  await expect(dialog.getByRole('alert')).toContainText('line 6, col 18: Note has no attribute "idd"');
  await expect(page.getByRole('banner')).toContainText('E-commerce');

  await box.fill('model "Pasted"\n\nentity Note key id\n  id: string\n\ngetNote: Note by id\n');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner')).toContainText('Pasted');
});

test('saves the model as problem JSON and as text', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await page.getByRole('button', { name: 'Save' }).click();
  let download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Save as problem JSON/ }).click();
  const json = await download;
  expect(json.suggestedFilename()).toBe('e-commerce.problem.json');
  expect(JSON.parse(await readFile(await json.path(), 'utf8'))).toMatchObject({ format: 'ddb-design-problem/1', name: 'E-commerce' });

  await page.getByRole('button', { name: 'Save' }).click();
  download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Save as text/ }).click();
  const text = await download;
  expect(text.suggestedFilename()).toBe('e-commerce.model.txt');
  expect(await readFile(await text.path(), 'utf8')).toMatch(/^model "E-commerce"\n/);
});
