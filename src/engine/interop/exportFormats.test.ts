// The table of exports: ids unique, every format's files named as plain file names (never a path,
// whatever the table is called) and each file the emitter's own output.
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import { HOSTILE_TEXTS } from '../../testing/hostileInputs.ts';
import { costReport } from '../cost/costReport.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { awsCliInputJson, awsCliScript } from './awsCli.ts';
import { cdkStack } from './cdkStack.ts';
import { cloudFormationJson, cloudFormationYaml } from './cloudFormation.ts';
import { dynamodbToolboxEntities } from './dynamodbToolbox.ts';
import { electrodbEntities } from './electrodb.ts';
import { EXPORT_FORMATS, exportFormat } from './exportFormats.ts';
import { terraformConfig } from './terraform.ts';
import { exportWorkbench } from './workbench/exportWorkbench.ts';

const design = deriveDesign(exampleModel('ecommerce'));
const cost = await costReport(design);

describe('EXPORT_FORMATS', () => {
  it('has one entry per id, found by exportFormat', () => {
    const ids = EXPORT_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['cloudformation', 'cdk', 'terraform', 'aws-cli', 'markdown']));
    for (const f of EXPORT_FORMATS) expect(exportFormat(f.id)).toBe(f);
    expect(exportFormat('nope')).toBeUndefined();
  });

  it("gives each format's files under plain, distinct names, whatever the table is called", async () => {
    for (const tableName of ['Shop', ...HOSTILE_TEXTS, '../../etc/passwd']) {
      for (const format of EXPORT_FORMATS) {
        const files = await format.files({ ...design, tableName }, { cost });
        expect(files.length).toBeGreaterThan(0);
        for (const f of files) expect(f.name, `${format.id}: ${f.name}`).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
        expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
      }
    }
  });

  it("holds each emitter's output", async () => {
    const text = async (id: string) => Object.fromEntries(((await exportFormat(id)?.files(design)) ?? []).map((f) => [f.name, f.text]));
    expect(await text('cloudformation')).toEqual({ 'template.yaml': cloudFormationYaml(design), 'template.json': cloudFormationJson(design) });
    expect(await text('cdk')).toEqual({ 'ECommerceStack.ts': cdkStack(design) });
    expect(await text('terraform')).toEqual({ 'dynamodb_table.tf': terraformConfig(design) });
    expect(await text('aws-cli')).toEqual({ 'create-table.json': awsCliInputJson(design), 'create-table.sh': awsCliScript(design) });
    expect(await text('workbench')).toEqual({ 'nosql-workbench-model.json': exportWorkbench(design).text });
    expect(await text('electrodb')).toEqual({ 'electrodbEntities.ts': electrodbEntities(design) });
    expect(await text('dynamodb-toolbox')).toEqual({ 'dynamodbToolbox.ts': dynamodbToolboxEntities(design) });
  });
});
