// Share links: the whole model in the URL hash, restored exactly in another
// browser; a damaged or oversized link opens nothing and keeps the current work.
import LZString from 'lz-string';
import { MAX_SHARE_LINK_CHARS, MAX_SHARE_MODEL_CHARS, SHARE_PREFIX } from '../src/store/shareLink.ts';
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

test('a share link past the size limits is refused with the limit named, and the current work is kept', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Image site/ }).click();
  await expect(page.getByRole('banner')).toContainText('Image site');

  // Short, but it would expand past the decompressed limit.
  const payload = JSON.stringify({ v: 1, f: 'text', n: MAX_SHARE_MODEL_CHARS, t: 'x'.repeat(MAX_SHARE_MODEL_CHARS) });
  await page.goto(`./${SHARE_PREFIX}${LZString.compressToEncodedURIComponent(payload)}`);
  const alert = page.getByRole('alert').filter({ hasText: 'share link' });
  await expect(alert).toContainText('This share link is too large to open');
  await expect(alert).toContainText('1,048,576 characters');
  await expect(alert).toContainText('Your current work was kept');
  await expect(page.getByRole('banner')).toContainText('Image site');

  // Longer than the compressed limit.
  await page.goto(`./${SHARE_PREFIX}${'A'.repeat(MAX_SHARE_LINK_CHARS + 1)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'share link' })).toContainText('share links are at most 65,536');
  await expect(page.getByRole('banner')).toContainText('Image site');
});

test('a model too large for a share link gets a message instead of a link', async ({ page }) => {
  await page.goto('./');
  // A comment of random characters: compresses too poorly to fit in a link.
  let seed = 5;
  let noise = '';
  while (noise.length < 100_000) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    noise += String.fromCharCode(0x21 + (seed % 90));
  }
  const model = `model "Noisy"\n\nentity User key email\n  email: string\n\ngetUser: User by email returns one\n# ${noise}\n`;
  await page.getByRole('button', { name: /Paste/ }).click();
  await page.getByRole('dialog', { name: 'Paste a problem' }).getByRole('textbox').fill(model);
  await page.getByRole('dialog', { name: 'Paste a problem' }).getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('banner')).toContainText('Noisy');
  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this model' });
  await expect(dialog.getByRole('alert')).toContainText('This model is too large for a share link');
  await expect(dialog.getByRole('alert')).toContainText('65,536');
  await expect(dialog.getByRole('textbox', { name: 'Share link' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeDisabled();
});
