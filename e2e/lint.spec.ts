// A design review (lint) finding where the user works: listed in the Design panel with its code and
// path, and marked in the editor on the very words it is about, with its message on hover.
import { shareHash } from '../src/store/shareLink.ts';
import { expect, test } from './fixtures.ts';
import { monacoEditor, panelTab } from './appHelpers.ts';

// byEmail asks for a strongly consistent read, and a GSI serves it: lint.consistentGsiRead.
const MODEL =
  'model "Users"\n\nentity User key userId count 20\n  userId: string\n  email: string\n\ngetUser: User by userId returns one\nbyEmail: User by email returns one consistent\n';

test('a lint finding shows in the Design panel and as an editor marker on its place in the model', async ({ page }) => {
  await page.goto(`./${shareHash({ text: MODEL, format: 'text' })}`);
  await panelTab(page, 'Design').click();

  const design = page.getByRole('region', { name: 'Design' });
  await expect(design.getByRole('heading', { name: /Warnings and errors \(0 errors, 1 warning\)/ })).toBeVisible();
  const finding = design.getByRole('listitem').filter({ hasText: 'lint.consistentGsiRead' });
  await expect(finding).toContainText('byEmail asks for a strongly consistent read, but GSI1 serves it');
  await expect(finding).toContainText('Fix: serve it from the table');
  await expect(finding).toContainText('at patterns[1].consistent');

  // The editor: one warning marker, placed on `consistent` (line 8, columns 36–46), as the Problems list says.
  await monacoEditor(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('status')).toHaveText('1 warning');
  await expect(problems.getByRole('button', { name: /8:36.*byEmail asks for a strongly consistent read/ })).toBeVisible();
  const squiggle = page.locator('.monaco-editor .squiggly-warning');
  await expect(squiggle).toHaveCount(1);
  // The squiggle is a decoration under the text (never "stable" to Playwright): point at its middle.
  await squiggle.hover({ force: true });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'byEmail asks for a strongly consistent read' })).toBeVisible();
});

test('a finding stays in view while the model is edited: the review after the edit replaces it, never a gap', async ({ page }) => {
  await page.goto(`./${shareHash({ text: MODEL, format: 'text' })}`);
  await panelTab(page, 'Design').click();
  const textbox = await monacoEditor(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('status')).toHaveText('1 warning');
  const design = page.getByRole('region', { name: 'Design' });
  await expect(design.getByRole('heading', { name: /Warnings and errors \(0 errors, 1 warning\)/ })).toBeVisible();

  // Every text the Problems count and the Design panel's heading take from here on.
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { seen: Set<string> }).seen = seen;
    const note = () => {
      seen.add(`problems: ${document.querySelector('[aria-label="Problems"] [role="status"]')?.textContent ?? '(none)'}`);
      seen.add(`design: ${document.querySelector('#tw-design-diagnostics')?.textContent ?? '(none)'}`);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // A count of 20 → 201 (a new design, new samples, a new review) and back, two lines above the finding.
  await textbox.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('1');
  await expect(problems.getByRole('button', { name: /8:36.*byEmail asks for a strongly consistent read/ })).toBeVisible();
  await page.keyboard.press('Backspace');
  // The review comes after the samples are drawn (a frame), or after a second at most: watch for longer than that.
  await page.waitForTimeout(2500);
  const seen = await page.evaluate(() => [...(window as unknown as { seen: Set<string> }).seen].sort());
  expect(seen).toEqual(['design: Warnings and errors (0 errors, 1 warning)', 'problems: 1 warning']);
  await expect(problems.getByRole('button', { name: /8:36.*byEmail asks for a strongly consistent read/ })).toBeVisible();
});
