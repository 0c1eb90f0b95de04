// The design panel's table settings: a change in the form rewrites only the model's `table`
// line in the editor (the rest of the text, comments included, stays), shows the new setting,
// and undo in the editor takes it back; a capacity the form refuses shows its error at the field
// and leaves the text alone; while the model has errors the section says so.
import type { Page } from '@playwright/test';
import { shareHash } from '../src/store/shareLink.ts';
import { appendToModel, editorLines, monacoEditor } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';

const MODEL = `model "Shop"   # the shop's model

entity User key email unique userId ttl expiresAt
  email: string
  userId: string
  expiresAt: number

getUser: User by email returns one
`;

function section(page: Page) {
  return page.getByRole('region', { name: 'Table settings' });
}

/** The whole text the editor shows (a short model: every line is rendered), lines in order. */
function editorText(page: Page): Promise<string> {
  return editorLines(page).evaluate((lines) =>
    [...lines.querySelectorAll<HTMLElement>('.view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n'),
  );
}

/** MODEL with a table line where a new one goes: right after the model line. */
const withTable = (line: string) => MODEL.replace('model\n', `model\n${line}\n`);

test.beforeEach(async ({ page }) => {
  await page.goto(`./${shareHash({ text: MODEL, format: 'text' })}`);
  await page.getByRole('tab', { name: 'Design' }).click();
  await expect(section(page)).toBeVisible();
});

test('provisioned billing with capacities, then a stream: the table line changes, the settings show, undo takes the stream back', async ({ page }) => {
  const settings = section(page);
  await expect(settings.getByLabel('Billing')).toHaveValue('on-demand');
  await expect(settings).toContainText('Created as: name Shop (default) · billing on-demand (default) · no stream (default)');
  await expect(settings.getByRole('row', { name: /User/ })).toContainText('userId');
  await expect(settings).toContainText('Time to live: on expiresAt');

  await settings.getByLabel('Billing').selectOption('provisioned');
  // A new table line in its canonical place, right after the model line (whose comment stays); nothing else changes.
  await expect.poll(() => editorText(page)).toBe(withTable('table billing provisioned read 5 write 5'));

  await settings.getByLabel('Read capacity').fill('20');
  await settings.getByLabel('Read capacity').press('Enter');
  await settings.getByLabel('Write capacity').fill('10');
  await settings.getByLabel('Write capacity').press('Tab');
  await expect.poll(() => editorText(page)).toBe(withTable('table billing provisioned read 20 write 10'));
  await expect(settings).toContainText('billing provisioned: 20 read and 10 write units, on the table and each GSI');
  await expect(settings.getByLabel('Read capacity')).toHaveValue('20');

  // Edits less than a moment apart are one undo step, like typing: let this one stand alone.
  await page.waitForTimeout(1_100);
  await settings.getByLabel('Stream').selectOption('NEW_AND_OLD_IMAGES');
  await expect.poll(() => editorText(page)).toBe(withTable('table billing provisioned read 20 write 10 stream NEW_AND_OLD_IMAGES'));
  await expect(settings).toContainText('stream NEW_AND_OLD_IMAGES');

  const editor = await monacoEditor(page);
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => editorText(page)).toBe(withTable('table billing provisioned read 20 write 10'));
  await expect(settings.getByLabel('Stream')).toHaveValue('');
  await expect(settings).toContainText('no stream (default)');
});

test('a capacity the form refuses shows its error at the field and leaves the text alone', async ({ page }) => {
  const settings = section(page);
  await settings.getByLabel('Billing').selectOption('provisioned');
  const before = withTable('table billing provisioned read 5 write 5');
  await expect.poll(() => editorText(page)).toBe(before);

  const read = settings.getByLabel('Read capacity');
  for (const bad of ['0', 'ten']) {
    await read.fill(bad);
    await read.press('Enter');
    await expect(read).toHaveAttribute('aria-invalid', 'true');
    await expect(read).toHaveAccessibleDescription(`read capacity must be a whole number of units, 1 or more (found "${bad}")`);
    await read.press('Tab');
    await expect(settings.getByRole('alert')).toHaveText(/read capacity must be a whole number/);
  }
  expect(await editorText(page)).toBe(before);

  // A bad name too: an error at the name field, nothing written.
  const name = settings.getByLabel('Name');
  await name.fill('my table');
  await name.press('Enter');
  await expect(name).toHaveAccessibleDescription(/table name "my table" contains a space/);
  expect(await editorText(page)).toBe(before);

  // Escape goes back to the model's value.
  await read.fill('0');
  await read.press('Escape');
  await expect(read).toHaveValue('5');
  await expect(read).not.toHaveAttribute('aria-invalid');
});

test('while the model has errors the section says so instead of showing the last settings', async ({ page }) => {
  await appendToModel(page, 'getBroken: User by nothing\n');
  const settings = section(page);
  await expect(settings).toContainText('The model has an error, so its table settings are not shown');
  await expect(settings.getByLabel('Billing')).toHaveCount(0);
});
