// Small helpers for the app's own specs: reach the model editor (Monaco once it
// has loaded) and type into it the way a user does.
import type { Locator, Page } from '@playwright/test';
import { DYNAMODB_ENDPOINT } from './environment.ts';
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

/**
 * Replaces the whole model with `text` as a user pastes it (select all, paste): one edit of the same work.
 * Typed line by line, the editor would keep each line's indentation on the next.
 */
export async function pasteModel(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((content) => navigator.clipboard.writeText(content), text);
  const textbox = await monacoEditor(page);
  await textbox.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
}

export function panelTab(page: Page, name: 'Design' | 'Items' | 'Patterns' | 'Writes' | 'Cost' | 'Code' | 'Changes' | 'Run') {
  return page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, exact: true });
}

/** The lines of the model the editor shows (Monaco renders only those in view). */
export function editorLines(page: Page) {
  return page.getByRole('region', { name: 'Model editor' }).locator('.view-lines');
}

/**
 * In the Run panel: the DynamoDB Local of the e2e set-up as a custom endpoint with these credentials, a table
 * `tableName` created and the sample items loaded. Returns how many items were loaded.
 */
export async function createLoadedTable(
  run: Locator,
  { tableName, accessKeyId, secret }: { tableName: string; accessKeyId: string; secret: string },
): Promise<number> {
  await run.getByRole('radio', { name: 'Custom URL' }).check();
  await run.getByRole('textbox', { name: 'Endpoint URL' }).fill(DYNAMODB_ENDPOINT);
  await run.getByRole('textbox', { name: 'Access key id' }).fill(accessKeyId);
  await run.getByLabel('Secret access key').fill(secret);
  await run.getByRole('textbox', { name: 'Table name' }).fill(tableName);
  await run.getByRole('button', { name: 'Create table' }).click();
  await expect(run.getByText(`✓ Table ${tableName} is ACTIVE`)).toBeVisible({ timeout: 30_000 });
  const load = run.getByRole('button', { name: /^Load \d+ sample items$/ });
  const total = Number((await load.textContent())?.match(/\d+/)?.[0]);
  await load.click();
  await expect(run.getByText(`${total} of ${total} items written`)).toBeVisible({ timeout: 60_000 });
  return total;
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
