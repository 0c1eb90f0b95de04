// Every screen size from 680 px (half a laptop screen) up: no horizontal page scroll,
// no control covered by another; below 900 px the editor stacks above the panels and
// the handle between them moves up and down. The handle's place is kept by a reload.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { panelTab } from './appHelpers.ts';

const PANELS = ['Design', 'Items', 'Patterns', 'Writes', 'Cost', 'Code', 'Changes', 'Run'] as const;

async function openEcommerce(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: 'E-commerce' }).click();
  await expect(page.getByRole('banner')).toContainText('E-commerce');
}

/** The page is no wider than the window. */
async function expectNoPageScroll(page: Page) {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** Every visible button and select of the header and every tab of the Views tab bar is the topmost element at its centre. */
async function expectControlsUncovered(page: Page) {
  const covered = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('.app-header button, .app-header select, [role="tablist"][aria-label="Views"] [role="tab"]');
    const out: string[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const top = document.elementFromPoint(x, y);
      if (x > window.innerWidth || !top || !(control === top || control.contains(top)))
        out.push(control.textContent?.trim() || control.getAttribute('aria-label') || control.tagName);
    }
    return out;
  });
  expect(covered).toEqual([]);
}

test.describe('at 680 px wide', () => {
  test.use({ viewport: { width: 680, height: 800 } });

  test('every panel fits without a horizontal page scroll, and no control is covered', async ({ page }) => {
    await openEcommerce(page);
    for (const name of PANELS) {
      await panelTab(page, name).click();
      await expect(panelTab(page, name)).toHaveAttribute('aria-selected', 'true');
      await expectNoPageScroll(page);
      await expectControlsUncovered(page);
    }
  });

  test('the editor sits above the panels; its handle moves with the up and down keys, and a reload keeps its place', async ({ page }) => {
    await openEcommerce(page);
    const handle = page.getByRole('separator', { name: 'Resize the editor' });
    await expect(handle).toHaveAttribute('aria-orientation', 'horizontal');
    const editor = page.getByRole('region', { name: 'Model editor' });
    const panels = page.getByRole('region', { name: 'Views' });
    const [editorBox, panelsBox] = [await editor.boundingBox(), await panels.boundingBox()];
    expect(editorBox && panelsBox && editorBox.y + editorBox.height <= panelsBox.y).toBe(true);
    expect(editorBox?.width).toBeGreaterThan(600);

    await expect(handle).toHaveAttribute('aria-valuenow', '40');
    await handle.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(handle).toHaveAttribute('aria-valuenow', '52');
    const taller = await editor.boundingBox();
    expect(taller && editorBox && taller.height > editorBox.height).toBe(true);

    await page.reload();
    await expect(page.getByRole('banner')).toContainText('E-commerce');
    await expect(page.getByRole('separator', { name: 'Resize the editor' })).toHaveAttribute('aria-valuenow', '52');
  });
});

test('at 1366 px the editor and the panels sit side by side, the handle moving left and right', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await openEcommerce(page);
  const handle = page.getByRole('separator', { name: 'Resize the editor' });
  await expect(handle).toHaveAttribute('aria-orientation', 'vertical');
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', '38');
  await expectNoPageScroll(page);
  await expectControlsUncovered(page);
});
