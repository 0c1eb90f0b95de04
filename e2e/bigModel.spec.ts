// Big models (issue 12): a model past the size limit (MAX_SOURCE_CHARS) is refused at every entry
// with a message naming the limit and its size, and the current work stays; a large model within
// the limit opens while the page keeps answering. No timings here: the figures are in
// src/bench/ui.bench.ts.
import { modelTextOfSize } from '../src/bench/syntheticModel.ts';
import { MAX_SOURCE_CHARS } from '../src/store/sourceLimit.ts';
import { monacoEditor, panelTab } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';

test('a model file past the limit is refused with the limit and its size named, and the work stays', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  const text = modelTextOfSize(MAX_SOURCE_CHARS + 500_000);
  await page.getByLabel('Open problem file').setInputFiles({ name: 'huge.model.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  const alert = page.getByRole('alert').filter({ hasText: 'huge.model.txt' });
  await expect(alert).toContainText(
    'huge.model.txt was not opened: it has 2,500,000 characters (2.5 MB) and a model may have at most 2,000,000 characters. Your current work was kept.',
  );
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a pasted model past the limit is refused in the Paste dialog, and the work stays', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await page.getByRole('button', { name: 'Paste…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a problem' });
  // Set as one paste would (fill types it in far too slowly for this size).
  await dialog.getByRole('textbox', { name: 'Problem JSON or model text' }).evaluate(
    (box, text) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setValue?.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    modelTextOfSize(MAX_SOURCE_CHARS + 1),
  );
  await expect(dialog.getByRole('alert')).toContainText(
    'it has 2,000,001 characters (2.0 MB) and a model may have at most 2,000,000 characters. Your current work was kept.',
  );
  await expect(dialog.getByRole('button', { name: 'Open' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
});

test('a paste into the editor that takes the model past the limit is refused, and the text stays', async ({ page }) => {
  await page.goto('./');
  const textbox = await monacoEditor(page);
  await textbox.focus();
  await page.keyboard.press('ControlOrMeta+End');
  // A paste event, as the clipboard sends it (insertText types it in far too slowly for this size).
  await textbox.evaluate(
    (box, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    `# ${'y'.repeat(MAX_SOURCE_CHARS)}\n`,
  );
  await expect(page.getByRole('alert').filter({ hasText: 'That edit was not applied' })).toContainText(
    'a model may have at most 2,000,000 characters. Your text was kept as it was.',
  );
  await expect(page.getByRole('region', { name: 'Model editor' }).locator('.view-lines')).not.toContainText('yyyyyyyy');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('access patterns');
});

test('a large model within the limit opens while the page keeps answering', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  const text = modelTextOfSize(MAX_SOURCE_CHARS - 100_000);
  await page.getByLabel('Open problem file').setInputFiles({ name: 'large.model.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  // The file is read and checked in a worker first (1.9 million characters: about a second alone, many on a
  // machine busy with other tests), so the notice gets the design's wait, not the default 5 s.
  await expect(page.getByRole('status').filter({ hasText: 'Opened large.model.txt' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('banner')).toContainText('Synthetic 1000', { timeout: 60_000 });
  // While the analysis runs in its worker, the page handles a click and answers a script.
  await panelTab(page, 'Cost').click();
  await expect(panelTab(page, 'Cost')).toHaveAttribute('aria-selected', 'true');
  await panelTab(page, 'Design').click();
  await expect(panelTab(page, 'Design')).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => document.title.length >= 0)).toBe(true);
  // The design arrives, and undo brings the previous work back.
  await expect(page.getByRole('region', { name: 'Design' })).toContainText(/1,?000 access patterns/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
});
