// Small helpers for the app's own specs: reach the model editor (Monaco once it
// has loaded) and type into it the way a user does.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The model editor, once Monaco has replaced the plain textarea. */
export async function monacoEditor(page: Page) {
  const frame = page.getByRole('region', { name: 'Model editor' });
  // Monaco wraps its textbox in a `code` landmark; the textarea fallback has none.
  const textbox = frame.getByRole('code').getByRole('textbox', { name: 'Model' });
  await expect(textbox).toBeAttached({ timeout: 20_000 });
  return textbox;
}

/** Types `text` at the very end of the model, as one paste-like input (no autocomplete). */
export async function appendToModel(page: Page, text: string): Promise<void> {
  const textbox = await monacoEditor(page);
  await textbox.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(text);
}

export function panelTab(page: Page, name: 'Design' | 'Items' | 'Patterns' | 'Writes' | 'Cost' | 'Code' | 'Changes' | 'Run') {
  return page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true });
}

/** The lines of the model the editor shows (Monaco renders only those in view). */
export function editorLines(page: Page) {
  return page.getByRole('region', { name: 'Model editor' }).locator('.view-lines');
}

/** Opens the E-commerce example and the Run panel; returns the panel. */
export async function openRunPanelOnEcommerce(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'E-commerce' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await panelTab(page, 'Run').click();
  return page.getByRole('region', { name: 'Run against DynamoDB' });
}
