// The Design panel's pattern chips (under the entity chart) and request rows are
// controls: a click or the keyboard selects their pattern, everywhere at once.
import { expect, test } from './fixtures.ts';
import { panelTab } from './appHelpers.ts';

test('chart chips and request rows select their pattern, by mouse and by keyboard', async ({ page }) => {
  await page.goto('./');
  const design = page.getByRole('region', { name: 'Design' });
  await expect(design).toContainText('11 access patterns');
  const requests = design.getByRole('table', { name: 'Requests per access pattern' });
  const rowOf = (pattern: string) => requests.getByRole('rowgroup').filter({ has: page.getByRole('button', { name: pattern, exact: true }) });

  // A chip of the chart: a button, pressed once chosen; its request row is marked current.
  const chip = design.getByRole('list', { name: /^Patterns served by / }).getByRole('button', { name: 'getOrdersByStatus', exact: true });
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(rowOf('getOrdersByStatus')).toHaveAttribute('aria-current', 'true');

  // A request row, reached with the keyboard.
  const rowButton = requests.getByRole('button', { name: 'getProductReviews', exact: true });
  await rowButton.focus();
  await page.keyboard.press('Enter');
  await expect(rowButton).toHaveAttribute('aria-pressed', 'true');
  await expect(rowOf('getProductReviews')).toHaveAttribute('aria-current', 'true');
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await expect(design.getByRole('list', { name: /^Patterns served by / }).getByRole('button', { name: 'getProductReviews', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // A click elsewhere on a row selects it too, and the Patterns panel follows.
  await rowOf('getUserByEmail').getByRole('cell').first().click();
  await expect(rowOf('getUserByEmail')).toHaveAttribute('aria-current', 'true');
  await panelTab(page, 'Patterns').click();
  await expect(page.getByRole('region', { name: 'Access patterns' }).getByRole('button', { name: 'Select pattern getUserByEmail' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});
