// Hostile counts (issue 12): `count 100000000` must not leave the app on "No design yet".
// The design appears, and the sample is capped at 100,000 records in all, the cap shown.
import { shareHash } from '../src/store/shareLink.ts';
import { expect, test } from './fixtures.ts';
import { panelTab } from './appHelpers.ts';

const HUGE = `model "Huge"

entity User key userId count 100000000
  userId: string
  plan: "free" | "paid"

entity Order key orderId count 300000000 belongsTo User via userId
  orderId: string
  userId: string
  createdAt: datetime

getUser: User by userId returns one
getUserOrders: Order by userId newest first where createdAt >= ?
`;

test('a model whose counts ask for 400 million records shows its design and a capped sample', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Paste…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a problem' });
  await dialog.getByRole('textbox', { name: 'Problem JSON or model text' }).fill(HUGE);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('banner')).toContainText('Huge');

  await panelTab(page, 'Design').click();
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('2 entities', { timeout: 20_000 });

  await panelTab(page, 'Items').click();
  const items = page.getByRole('tabpanel');
  await expect(items).toContainText('The counts ask for 400,000,000 records: the sample is capped at 100,000', { timeout: 20_000 });
  await expect(items.getByRole('combobox', { name: 'Sample size' })).toContainText('1× · 100,000 items (capped)');
});

test('a share link with a count of 100 million shows its design, then the capped sample', async ({ page }) => {
  await page.goto(`./${shareHash({ text: HUGE, format: 'text' })}`);
  await expect(page.getByRole('banner')).toContainText('Huge');
  // The design does not wait for the samples (no longer timeout than the default).
  await panelTab(page, 'Design').click();
  await expect(page.getByRole('region', { name: 'Design' })).toContainText('2 entities');
  await panelTab(page, 'Items').click();
  await expect(page.getByRole('tabpanel')).toContainText('the sample is capped at 100,000', { timeout: 20_000 });
});
