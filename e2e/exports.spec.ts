// The Code panel's exports: the CloudFormation tab downloads template.yaml and template.json,
// which hold the same template with the design's table, and the Markdown tab downloads the design
// document with its cost section (computed in the cost worker).
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';
import { panelTab } from './appHelpers.ts';

type Template = { Resources: Record<string, { Type: string; Properties: { TableName: string; GlobalSecondaryIndexes: unknown[]; Tags: { Key: string }[] } }> };

test('downloads the CloudFormation template in YAML and JSON, and the design document', async ({ page }) => {
  await page.goto('./');
  await panelTab(page, 'Code').click();
  const panel = page.getByRole('region', { name: 'Code' });
  const exports = panel.getByRole('tablist', { name: 'Code and exports' });
  await expect(exports.getByRole('tab', { name: 'Module' })).toHaveAttribute('aria-selected', 'true');
  await exports.getByRole('tab', { name: 'CloudFormation' }).click();

  await expect(panel.getByRole('textbox', { name: 'template.yaml' })).toBeAttached({ timeout: 20_000 });
  const yamlDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download template.yaml' }).click();
  const yamlFile = await yamlDownload;
  expect(yamlFile.suggestedFilename()).toBe('template.yaml');
  const template = parse(await readFile(await yamlFile.path(), 'utf8')) as Template;
  const [table] = Object.values(template.Resources);
  expect(table?.Type).toBe('AWS::DynamoDB::Table');
  expect(table?.Properties.TableName).toBe('ECommerce');
  expect(table?.Properties.GlobalSecondaryIndexes).toHaveLength(2);
  expect(table?.Properties.Tags.map((t) => t.Key)).toEqual(['tablewright:design']);
  await expect(panel.getByRole('status')).toHaveText('Downloaded template.yaml.');

  await panel.getByRole('group', { name: 'Files' }).getByRole('button', { name: 'template.json' }).click();
  await expect(panel.getByRole('textbox', { name: 'template.json' })).toBeAttached();
  const jsonDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download template.json' }).click();
  const jsonFile = await jsonDownload;
  expect(jsonFile.suggestedFilename()).toBe('template.json');
  expect(JSON.parse(await readFile(await jsonFile.path(), 'utf8'))).toEqual(template);

  await exports.getByRole('tab', { name: 'Markdown' }).click();
  const mdButton = panel.getByRole('button', { name: 'Download design.md' });
  await expect(mdButton).toBeEnabled({ timeout: 20_000 });
  const mdDownload = page.waitForEvent('download');
  await mdButton.click();
  const md = await readFile(await (await mdDownload).path(), 'utf8');
  expect(md).toContain('# E-commerce: single-table design');
  expect(md).toContain('## Cost a month');
});
