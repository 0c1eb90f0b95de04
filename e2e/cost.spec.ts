// The Cost panel on the e-commerce example: both modes' monthly totals with the cheaper one marked in
// words, the break-even, the chart, a pattern row with its naive Scan ratio; a pattern's rate edited
// in the workload editor is written into the model (`rate 50 peak 200` on its line) and the figures
// follow; a price changed changes the totals, and a reload keeps it.
import type { Page } from '@playwright/test';
import { editorLines, monacoEditor, panelTab } from './appHelpers.ts';
import { expect, test } from './fixtures.ts';

function costPanel(page: Page) {
  return page.getByRole('region', { name: 'Cost', exact: true });
}

/** The monthly total shown for a mode, as text (`$28.81`). */
function total(page: Page, mode: 'On-demand' | 'Provisioned') {
  return costPanel(page)
    .getByRole('list', { name: 'Monthly totals' })
    .getByRole('listitem', { name: new RegExp(`^${mode}`) })
    .locator('.tw-cost__amount');
}

test('the e-commerce design costed in both modes, its workload and prices edited', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'E-commerce' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
  await panelTab(page, 'Cost').click();
  const panel = costPanel(page);

  // Both totals, the cheaper one said in words (not by colour alone), and the break-even.
  const totals = panel.getByRole('list', { name: 'Monthly totals' });
  await expect(totals.getByRole('listitem')).toHaveCount(2, { timeout: 20_000 });
  await expect(totals.getByRole('listitem', { name: 'On-demand, cheaper' })).toContainText('✓ Cheaper');
  await expect(totals.getByRole('listitem', { name: 'Provisioned' })).not.toContainText('Cheaper');
  await expect(total(page, 'On-demand')).toHaveText(/^\$\d/);
  await expect(total(page, 'Provisioned')).toHaveText(/^\$\d/);
  await expect(panel.getByLabel('Break-even')).toContainText(/provisioned pays off above [\d.]+ calls\/s on average, [\d.]+% of the declared traffic/);
  await expect(panel).toContainText('Prices: us-east-1 as of 2026-11-30');

  // The chart, named for screen readers, with the break-even and the declared traffic marked.
  const chart = panel.getByRole('img', { name: /Monthly cost against average traffic/ });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText(/break-even [\d.]+\/s/);
  await expect(chart).toContainText('declared 15/s');

  // A pattern row: its default rate said, the naive Scan per call and how many times this design's read.
  const row = panel.getByRole('table', { name: 'Pattern costs' }).getByRole('row', { name: /getProductReviews/ });
  await expect(row).toContainText('1/10 (default)');
  await expect(row).toContainText(/\d+×$/);
  await expect(panel.getByRole('img', { name: /against the naive Scan/ })).toBeVisible();

  // Clicking the row selects the pattern.
  await row.click();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row.getByRole('button', { name: 'getProductReviews' })).toHaveAttribute('aria-pressed', 'true');

  // The workload editor writes the rate into the model; the figures follow.
  const onDemandBefore = await total(page, 'On-demand').textContent();
  const rateAvg = panel.getByLabel('getProductReviews: calls per second on average');
  await rateAvg.fill('50');
  await panel.getByLabel('getProductReviews: calls per second at the peak').fill('200');
  await panel.getByLabel('getProductReviews: calls per second at the peak').press('Enter');
  await expect(row).toContainText('50/200', { timeout: 20_000 });
  await expect(row).not.toContainText('(default)');
  await expect(total(page, 'On-demand')).not.toHaveText(onDemandBefore ?? '');
  // The pattern's line in the editor gained the clause (the last line: reveal it).
  const editor = await monacoEditor(page);
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await expect
    .poll(async () => ((await editorLines(page).textContent()) ?? '').replace(/\s/g, ' '))
    .toContain('getProductReviews: Review by productId where createdAt between ? and ? rate 50 peak 200 "Get the reviews');

  // A price changed changes the totals; a reload keeps it.
  await panelTab(page, 'Cost').click();
  const provisionedBefore = await total(page, 'Provisioned').textContent();
  await panel.getByLabel('$ provisioned, per RCU-hour').fill('0.0013');
  await expect(total(page, 'Provisioned')).not.toHaveText(provisionedBefore ?? '');
  const provisionedAfter = await total(page, 'Provisioned').textContent();
  await expect(panel).toContainText('Edited: saved with the work.');

  await page.reload();
  await expect(panelTab(page, 'Cost')).toHaveAttribute('aria-selected', 'true');
  await expect(costPanel(page).getByLabel('$ provisioned, per RCU-hour')).toHaveValue('0.0013');
  await expect(total(page, 'Provisioned')).toHaveText(provisionedAfter ?? '', { timeout: 20_000 });

  // Back to the list prices.
  await costPanel(page).getByRole('button', { name: 'Reset to list prices' }).click();
  await expect(costPanel(page).getByLabel('$ provisioned, per RCU-hour')).toHaveValue('0.00013');
  await expect(total(page, 'Provisioned')).not.toHaveText(provisionedAfter ?? '');
});

test.describe('at 680 px wide', () => {
  test.use({ viewport: { width: 680, height: 900 } });

  test('the panel fits: its wide tables scroll within themselves, never the page', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByRole('menuitem', { name: 'E-commerce' }).click();
    await panelTab(page, 'Cost').click();
    const table = costPanel(page).getByRole('table', { name: 'Write costs' });
    await expect(table).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(680);
    const scroller = table.locator('xpath=..');
    const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(clientWidth).toBeLessThanOrEqual(680);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
  });
});
