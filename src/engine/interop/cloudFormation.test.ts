// The CloudFormation export, read back by a YAML parser and by JSON.parse: both files hold the same
// template, whose table is the design's CreateTable input with its TTL and point-in-time recovery,
// for every problem in both key modes; user text stays one string. (CloudFormation's own
// validator checks the template in cdkStack.test.ts, in the same synthesis as the CDK stack.)
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exampleModel } from '../../testing/exampleModels.ts';
import { HOSTILE_TEXTS } from '../../testing/hostileInputs.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { cloudFormationJson, cloudFormationTemplate, cloudFormationYaml } from './cloudFormation.ts';
import { canonicalFacts, cloudFormationFacts, expectedFacts, exportCases } from '../../testing/exportCases.ts';

type Resource = { Type: string; DeletionPolicy: string; UpdateReplacePolicy: string; Properties: Record<string, unknown> };
const tableResource = (template: unknown): [string, Resource] => {
  const resources = Object.entries((template as { Resources: Record<string, Resource> }).Resources);
  expect(resources).toHaveLength(1);
  return resources[0] as [string, Resource];
};

describe.each(exportCases())('the CloudFormation template of $name', ({ design }) => {
  const yaml = cloudFormationYaml(design);
  const json = cloudFormationJson(design);

  it('holds the same template in YAML (1.2 and 1.1 readers) and JSON', () => {
    const data = cloudFormationTemplate(design);
    expect(JSON.parse(json)).toEqual(data);
    expect(parseYaml(yaml)).toEqual(data);
    expect(parseYaml(yaml, { version: '1.1' })).toEqual(data);
  });

  it("declares one AWS::DynamoDB::Table whose properties are the design's table", () => {
    const [id, resource] = tableResource(JSON.parse(json));
    expect(id).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    expect(resource.Type).toBe('AWS::DynamoDB::Table');
    expect([resource.DeletionPolicy, resource.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    expect(canonicalFacts(cloudFormationFacts(resource.Properties))).toEqual(canonicalFacts(expectedFacts(design)));
  });
});

describe('user text in the CloudFormation template', () => {
  const plain = deriveDesign(exampleModel('ecommerce'));
  it.each(HOSTILE_TEXTS.map((text, i) => ({ text, i })))('stays the one string it was in YAML and JSON (hostile text $i)', ({ text }) => {
    // The model's name reaches the Description; a table name that slipped past the checks reaches TableName and the outputs.
    const design = { ...deriveDesign({ ...exampleModel('ecommerce'), name: text }), tableName: text };
    const yamlData = parseYaml(cloudFormationYaml(design)) as { Description: string };
    const [, resource] = tableResource(yamlData);
    expect(yamlData.Description.startsWith(text)).toBe(true);
    expect(resource.Properties.TableName).toBe(text);
    expect(parseYaml(cloudFormationYaml(design), { version: '1.1' })).toEqual(yamlData);
    expect(JSON.parse(cloudFormationJson(design))).toEqual(yamlData);
    // Only the text changed: the rest of the template is the plain design's.
    const { Description: _d, Resources: _r, Outputs: _o, ...rest } = yamlData as unknown as Record<string, unknown>;
    const { Description: _pd, Resources: _pr, Outputs: _po, ...plainRest } = cloudFormationTemplate(plain);
    expect(rest).toEqual(plainRest);
  });

  it('cuts a long model name in the Description, which CloudFormation caps at 1,024 bytes', () => {
    const design = deriveDesign({ ...exampleModel('ecommerce'), name: '\u{1F600}'.repeat(5000) });
    const description = (cloudFormationTemplate(design) as { Description: string }).Description;
    expect(new TextEncoder().encode(description).length).toBeLessThanOrEqual(1024);
  });
});
