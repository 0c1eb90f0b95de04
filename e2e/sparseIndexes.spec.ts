// Sparse indexes: a model pasted into the editor with an optional attribute
// (rating?) and a pattern ordered by it gets a GSI keyed on rating, which holds
// only the rated players. The items panel marks that index sparse in its picker
// and says how many of the sample items it holds; its grid shows only items
// with a rating; the design panel lists it with what it saves.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { panelTab, pasteModel } from './appHelpers.ts';

const PLAYERS = 60;
const MODEL = `model "Players"

entity Player key playerId count ${PLAYERS}
  playerId: string
  region: "eu" | "us"
  joinedAt: datetime
  rating?: number

getPlayer: Player by playerId returns one
getNewest: Player by region order by joinedAt desc
getTopRated: Player by region order by rating desc
`;

/** The cells of one column in the grid rows now in the page (it renders only a window of rows). */
async function columnCells(page: Page, grid: Locator, column: string): Promise<string[]> {
  const headers = await grid.getByRole('columnheader').allTextContents();
  const at = headers.indexOf(column);
  expect(at, `the grid has a ${column} column`).toBeGreaterThanOrEqual(0);
  // Read at once: the rows in the page change as the grid scrolls.
  return grid
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
    .evaluateAll((rows, column) => rows.map((row) => row.querySelectorAll('[role="cell"]')[column]?.textContent ?? ''), at);
}

test('the items panel marks the sparse GSI, says which items it holds and shows only those; the design panel lists it', async ({ page }) => {
  await page.goto('./');
  await pasteModel(page, MODEL);
  await expect(page.getByRole('banner')).toContainText('Players');
  await panelTab(page, 'Design').click();
  const design = page.getByRole('region', { name: 'Design', exact: true });
  await expect(design).toContainText('1 entity, 2 GSIs, 3 access patterns');

  await panelTab(page, 'Items').click();
  const items = page.getByRole('region', { name: 'Items', exact: true });
  const status = items.getByRole('status');
  await expect(status).toContainText(`${PLAYERS} items`);
  const view = items.getByLabel('View', { exact: true });
  // Only the GSI keyed on rating is sparse: the one on joinedAt holds every player.
  const sparseOption = view.locator('option', { hasText: /, sparse$/ });
  await expect(sparseOption).toHaveCount(1);
  await expect(view.locator('option')).toHaveCount(3);
  const gsi = await sparseOption.getAttribute('value');
  if (gsi === null) throw new Error('the sparse option has no value');
  expect(gsi).toMatch(/^GSI\d$/);
  await expect(view).not.toHaveAccessibleDescription(/sparse/);

  const other = (await view.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).find(
    (v) => v !== 'table' && v !== gsi,
  );
  if (other === undefined) throw new Error('no second GSI');
  await view.selectOption(other);
  await expect(status).toContainText(`${PLAYERS} items`);
  await expect(items.getByText(/is sparse/)).toHaveCount(0);

  await view.selectOption(gsi);
  const note = items.getByText(new RegExp(`^${gsi} is sparse: `));
  await expect(note).toBeVisible();
  const match = new RegExp(`^${gsi} is sparse: it holds the (\\d+) of ${PLAYERS} Player items that have rating \\((\\d+) without it are not in it\\)\\.$`).exec(
    (await note.innerText()).trim(),
  );
  expect(match, await note.innerText()).not.toBeNull();
  const held = Number(match?.[1]);
  const lacking = Number(match?.[2]);
  expect(held + lacking).toBe(PLAYERS);
  expect(held).toBeGreaterThan(0);
  expect(lacking).toBeGreaterThan(0);
  // The picker is described by the note, and the grid holds exactly the rated players.
  await expect(view).toHaveAccessibleDescription(new RegExp(`^${gsi} is sparse: it holds the ${held} of ${PLAYERS}`));
  await expect(status).toContainText(`${held} items`);
  await expect(status).toContainText(`(of ${PLAYERS}: only items with ${gsi}PK and ${gsi}SK)`);

  const grid = page.getByRole('table', { name: `Items in ${gsi}` });
  await expect(grid).toBeVisible();
  const seen = await columnCells(page, grid, 'rating');
  expect(seen.length).toBeGreaterThan(0);
  for (const rating of seen) expect(rating).toMatch(/^\d/);
  // The rows at the end of the grid too (only a window of rows is in the page).
  await page.getByRole('region', { name: `Items in ${gsi}, scrollable` }).focus();
  await page.keyboard.press('End');
  await expect(grid.locator(`[role="row"][aria-rowindex="${await grid.getAttribute('aria-rowcount')}"]`)).toBeVisible();
  for (const rating of await columnCells(page, grid, 'rating')) expect(rating).toMatch(/^\d/);

  // The table holds every player, rated or not.
  await view.selectOption('table');
  await expect(status).toContainText(`${PLAYERS} items`);
  await expect(items.getByText(/is sparse/)).toHaveCount(0);

  // At 680 px the note wraps inside the toolbar rather than pushing the panel sideways
  // (the app itself keeps a minimum width of 960 px, so the page scrolls; the panel does not).
  await view.selectOption(gsi);
  await page.setViewportSize({ width: 680, height: 900 });
  await expect(note).toBeVisible();
  expect(await items.evaluate((panel) => panel.scrollWidth <= panel.clientWidth)).toBe(true);
  const panelBox = await items.boundingBox();
  const noteBox = await note.boundingBox();
  expect(noteBox !== null && panelBox !== null && noteBox.x + noteBox.width <= panelBox.x + panelBox.width).toBe(true);

  // The design panel lists the sparse index, its entity and attribute, and what it leaves out.
  await panelTab(page, 'Design').click();
  await expect(design.getByRole('heading', { name: 'Sparse indexes (1)' })).toBeVisible();
  const list = design.getByRole('list', { name: /Sparse indexes/ });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toHaveText(
    `${gsi} for Player, on rating: holds ${held} of ${PLAYERS} sample Player items and leaves out ${Math.round((lacking / PLAYERS) * 100)}%: ` +
      `the ${lacking} without rating take no writes or storage on ${gsi}, and its queries never read them.`,
  );
  expect(await design.evaluate((panel) => panel.scrollWidth <= panel.clientWidth)).toBe(true);
});

test('a design with no optional attribute in a key lists no sparse index and marks no GSI', async ({ page }) => {
  await page.goto('./');
  await panelTab(page, 'Design').click();
  const design = page.getByRole('region', { name: 'Design', exact: true });
  await expect(design).toContainText('2 GSIs, 11 access patterns');
  await expect(design.getByRole('heading', { name: /Sparse indexes/ })).toHaveCount(0);
  await panelTab(page, 'Items').click();
  const view = page.getByRole('region', { name: 'Items', exact: true }).getByLabel('View', { exact: true });
  await expect(view.locator('option')).toHaveCount(3);
  await expect(view.locator('option', { hasText: /sparse/ })).toHaveCount(0);
});
