// Converting the model to problem JSON and back keeps what the user typed: the
// `#` comments and blank lines the JSON cannot hold come back with the text form.
import { expect, test } from './fixtures.ts';
import { editorLines, monacoEditor } from './appHelpers.ts';
import { STORAGE_KEY } from '../src/store/persistWork.ts';

const COMMENTED = [
  '# The shop: who buys',
  'model "Shop"   # its name',
  '',
  'entity User key email   # people',
  '  # how to reach them',
  '  email: string   # unique',
  '',
  '',
  '# reads',
  'getUser: User by email returns one   # sign-in',
  '',
].join('\n');

test('text → problem JSON → text keeps comments and blank lines', async ({ page }) => {
  await page.addInitScript(([key, text]) => localStorage.setItem(key, JSON.stringify({ source: { text, format: 'text' } })), [STORAGE_KEY, COMMENTED] as const);
  await page.goto('./');
  await monacoEditor(page);
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('1 access pattern');
  const form = page.getByRole('group', { name: 'Model form' });

  await form.getByRole('button', { name: 'Problem JSON' }).click();
  await expect(editorLines(page)).toContainText('"format": "ddb-design-problem/1"');
  await expect(editorLines(page)).not.toContainText('#');
  // The JSON is plain FORMAT.md: nothing to warn about.
  await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText('warning');

  await form.getByRole('button', { name: 'Text' }).click();
  await expect(editorLines(page)).toContainText('# The shop: who buys');
  for (const line of [
    'model "Shop" # its name',
    'entity User key email # people',
    '# how to reach them',
    'email: string # unique',
    '# reads',
    'getUser: User by email returns one # sign-in',
  ]) {
    await expect(editorLines(page)).toContainText(line);
  }
  // Every line, blank ones included, is back where it was.
  await expect(page.locator('.monaco-editor .view-line')).toHaveCount(COMMENTED.split('\n').length);
});
