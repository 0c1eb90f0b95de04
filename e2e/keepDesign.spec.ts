// The design is kept across edits: adding a pattern at the top of the model
// leaves every GSI name where it was (a deployed table cannot change its keys
// in place), the design panel lists what changed and why, and "Derive afresh"
// gives the design with the fewest GSIs instead.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { loadProblem, printModelText } from '../src/engine/index.ts';
import { expect, test } from './fixtures.ts';
import { monacoEditor, panelTab } from './appHelpers.ts';

const ecommerce = readFileSync(new URL('../src/examples/ecommerce.problem.json', import.meta.url), 'utf8');

/** The 1-based line of the example's first access pattern, as the app shows the example (the text form). */
function firstPatternLine(): number {
  const model = loadProblem(ecommerce).model;
  if (!model) throw new Error('the e-commerce example does not load');
  return (
    printModelText(model)
      .split('\n')
      .findIndex((line) => /^\w+:/.test(line)) + 1
  );
}

/** Types `line` as a line of its own before the first access pattern, as one paste-like input. */
async function insertAsFirstPattern(page: Page, line: string): Promise<void> {
  const textbox = await monacoEditor(page);
  await textbox.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < firstPatternLine(); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.insertText(`${line}\n`);
}

function requestRow(page: Page, pattern: string) {
  const requests = page.getByRole('table', { name: 'Requests per access pattern' });
  return requests.getByRole('row').filter({ has: page.getByRole('rowheader', { name: pattern, exact: true }) });
}

test('adding a pattern at the top keeps the GSI names, lists the change with its reason, and "Derive afresh" renumbers', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'E-commerce' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await panelTab(page, 'Design').click();
  const design = page.getByRole('region', { name: 'Design' });
  await expect(design).toContainText('2 GSIs, 11 access patterns');
  await expect(requestRow(page, 'getOrdersByStatus').getByRole('cell', { name: 'Query on GSI2 ascending' })).toBeVisible();
  const changesHeading = design.getByRole('heading', { name: /Changed from the previous design/ });
  await expect(changesHeading).toHaveCount(0);

  await insertAsFirstPattern(page, 'getOrdersByTotal: Order by total');
  await expect(design).toContainText('3 GSIs, 12 access patterns');
  // The existing GSIs keep their names and keys: the new pattern gets GSI3.
  await expect(requestRow(page, 'getOrdersByStatus').getByRole('cell', { name: 'Query on GSI2 ascending' })).toBeVisible();
  await expect(requestRow(page, 'getOrdersByTotal').getByRole('cell', { name: 'Query on GSI3 ascending' })).toBeVisible();
  const chart = page.getByRole('table', { name: 'Entity chart' });
  await expect(chart.getByRole('list', { name: 'Patterns served by GSI2' }).getByRole('listitem')).toHaveText(['getUsersByPlan', 'getOrdersByStatus']);
  await expect(chart.getByRole('list', { name: 'Patterns served by GSI3' }).getByRole('listitem')).toHaveText(['getOrdersByTotal']);

  // What changed, and why.
  await expect(changesHeading).toBeVisible();
  const changes = design.getByRole('list', { name: /Changed from the previous design/ });
  await expect(changes.getByRole('listitem')).toHaveText([
    /^added GSI3: keys Order, for getOrdersByTotal, which the previous design did not serve .*partitioned by total/,
  ]);
  const afresh = design.getByRole('button', { name: 'Derive afresh' });
  await expect(afresh).toHaveAccessibleDescription(/fewest GSIs.*GSI names and keys may change.*deployed table/);

  // At 680 px the list wraps rather than pushing the panel sideways.
  await page.setViewportSize({ width: 680, height: 900 });
  await expect(afresh).toBeVisible();
  expect(await changes.evaluate((list) => list.scrollWidth <= list.clientWidth)).toBe(true);
  expect(await design.evaluate((panel) => panel.scrollWidth <= panel.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });

  await afresh.click();
  await expect(changesHeading).toHaveCount(0);
  // Derived afresh: still 3 GSIs, but numbered anew (the new pattern now takes GSI2).
  await expect(design).toContainText('3 GSIs, 12 access patterns');
  await expect(requestRow(page, 'getOrdersByStatus').getByRole('cell', { name: 'Query on GSI3 ascending' })).toBeVisible();
  await expect(requestRow(page, 'getOrdersByTotal').getByRole('cell', { name: 'Query on GSI2 ascending' })).toBeVisible();
});

test('a reload and a share link keep the GSI names of the kept design', async ({ page, browser }) => {
  await page.goto('./');
  await insertAsFirstPattern(page, 'getOrdersByTotal: Order by total');
  await panelTab(page, 'Design').click();
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('3 GSIs, 12 access patterns');
  await expect(requestRow(page, 'getOrdersByStatus').getByRole('cell', { name: 'Query on GSI2 ascending' })).toBeVisible();

  await page.reload();
  await monacoEditor(page);
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('3 GSIs, 12 access patterns');
  await expect(requestRow(page, 'getOrdersByStatus').getByRole('cell', { name: 'Query on GSI2 ascending' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Changed from the previous design/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('dialog', { name: 'Share this model' }).getByRole('textbox', { name: 'Share link' }).inputValue();
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByRole('region', { name: 'Design' })).toContainText('3 GSIs, 12 access patterns');
  await expect(requestRow(second, 'getOrdersByStatus').getByRole('cell', { name: 'Query on GSI2 ascending' })).toBeVisible();
  await expect(requestRow(second, 'getOrdersByTotal').getByRole('cell', { name: 'Query on GSI3 ascending' })).toBeVisible();
  await other.close();
});
