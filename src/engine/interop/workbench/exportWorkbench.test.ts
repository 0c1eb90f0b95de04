import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveDesign, designLayout, keyTemplateText, layoutDocument, loadProblem, type Model } from '../../index.ts';
import { exportWorkbench } from './exportWorkbench.ts';
import { importWorkbench, type WorkbenchImported } from './importWorkbench.ts';

const dir = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
/** Every problem of ../shared/problems, its extensions and the engine's own test problems. */
const PROBLEM_DIRS = [
  dir('../../../../../shared/problems/'),
  dir('../../../../../shared/problems/extensions/'),
  dir('../../testing/problems/'),
  dir('../../testing/problems/reads-only/'),
];
const problems = PROBLEM_DIRS.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.problem.json'))
    .sort()
    .map((f): [string, string] => [f, `${d}${f}`]),
);

function model(file: string): Model {
  const parsed = loadProblem(readFileSync(file, 'utf8'));
  if (!parsed.model) throw new Error(`${file} does not load`);
  return parsed.model;
}

function reimported(text: string): WorkbenchImported {
  const result = importWorkbench(text);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result;
}

/** An entity as the comparison sees it: its name, key and attributes with type and optionality (in name order). */
const entitiesOf = (m: Model) =>
  m.entities.map((e) => ({ name: e.name, key: e.key, attributes: e.attributes.map((a) => `${a.name}: ${a.type}${a.optional ? '?' : ''}`).sort() }));

describe('exportWorkbench', () => {
  it('finds the problems it exports', () => {
    expect(problems.length).toBeGreaterThanOrEqual(13);
  });

  describe.each(problems)('%s', (_name, file) => {
    const design = deriveDesign(model(file));
    const exported = exportWorkbench(design);
    const json = JSON.parse(exported.text) as {
      ModelMetadata: { Version: string; AWSService: string };
      DataModel: { TableFacets: { FacetName: string; KeyAttributeAlias: { PartitionKeyAlias: string }; TableData: unknown[] }[] }[];
    };

    it('writes a Workbench 3.0 model: one table, one facet per entity keyed by its template, bounded sample items', () => {
      expect(json.ModelMetadata).toMatchObject({ Version: '3.0', AWSService: 'Amazon DynamoDB' });
      expect(json.DataModel).toHaveLength(1);
      const facets = json.DataModel[0]?.TableFacets ?? [];
      expect(facets.map((f) => f.FacetName)).toEqual(design.entities.map((e) => e.entity));
      facets.forEach((f, i) => {
        const table = design.entities[i]?.keys.table;
        expect(f.KeyAttributeAlias.PartitionKeyAlias).toBe(keyTemplateText(table?.pk ?? []));
        expect(f.TableData.length).toBeGreaterThan(0);
        expect(f.TableData.length).toBeLessThanOrEqual(25);
      });
    });

    it('re-imports to the same design: the same layout, entities and attributes', () => {
      const back = reimported(exported.text);
      const again = deriveDesign(back.model, { previous: back.layout });
      expect(again.changes).toEqual([]);
      expect(layoutDocument(designLayout(again), '')).toEqual(layoutDocument(designLayout(design), ''));
      expect(entitiesOf(back.model)).toEqual(entitiesOf(design.model));
      // Every key of every item the file holds is what the design makes of its record.
      expect(back.diagnostics.filter((d) => d.code === 'interop.workbenchKey' || d.code === 'interop.workbenchItem')).toEqual([]);
    });
  });

  it('keeps at most maxItemsPerEntity items per facet, and the records it is given', () => {
    const design = deriveDesign(model(problems.find(([f]) => f === 'ecommerce.problem.json')?.[1] ?? ''));
    const few = JSON.parse(exportWorkbench(design, { maxItemsPerEntity: 2 }).text) as { DataModel: { TableFacets: { TableData: unknown[] }[] }[] };
    expect(few.DataModel[0]?.TableFacets.every((f) => f.TableData.length <= 2)).toBe(true);
    const user = { email: 'ana@example.com', userId: 'u1', name: 'Ana', plan: 'free', createdAt: '2024-05-01T10:00:00.000Z' };
    const given = JSON.parse(exportWorkbench(design, { records: new Map([['User', [user]]]) }).text) as {
      DataModel: { TableFacets: { FacetName: string; TableData: Record<string, unknown>[] }[] }[];
    };
    expect(given.DataModel[0]?.TableFacets.find((f) => f.FacetName === 'User')?.TableData).toEqual([
      expect.objectContaining({ PK: { S: 'USER#ana@example.com' }, email: { S: 'ana@example.com' }, _type: { S: 'User' } }),
    ]);
  });

  it('says what the file has no place for: patterns, relations, enumerations', () => {
    const design = deriveDesign(model(problems.find(([f]) => f === 'ecommerce.problem.json')?.[1] ?? ''));
    const { diagnostics } = exportWorkbench(design);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'interop.workbenchExport', severity: 'warning' });
    expect(diagnostics[0]?.message).toMatch(/access patterns.*belongsTo.*enumerated values/);
  });

  it('shows a native GSI key by one partition and one sort key attribute, and says so', () => {
    const design = deriveDesign(model(problems.find(([f]) => f === 'ecommerce.problem.json')?.[1] ?? ''), { keys: 'native' });
    const { diagnostics, text } = exportWorkbench(design);
    const native = design.indexes.filter((i) => i.keys === 'native');
    expect(native.length).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.subject?.index !== undefined).map((d) => d.subject?.index)).toEqual(native.map((i) => i.name));
    const gsis = (JSON.parse(text) as { DataModel: { GlobalSecondaryIndexes: { KeyAttributes: { PartitionKey: { AttributeName: string } } }[] }[] })
      .DataModel[0]?.GlobalSecondaryIndexes;
    expect(gsis?.every((g) => g.KeyAttributes.PartitionKey.AttributeName !== '_type')).toBe(true);
  });
});

describe("a Workbench model from AWS's public samples (aws-samples/aws-dynamodb-examples)", () => {
  const samples = ['ChatSystem', 'ComplaintManagement', 'ConnectedVehicles', 'GamePlayerProfiles', 'RecurringPayments', 'SessionManagement', 'SocialNetwork'];
  it.each(samples)('%s imports, derives without an error and re-exports to a model that re-imports to the same layout', (name) => {
    const first = reimported(readFileSync(dir(`../../../../../shared/workbench-models/aws-dynamodb-examples--${name}.json`), 'utf8'));
    const design = deriveDesign(first.model, { previous: first.layout });
    expect(design.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(design.changes).toEqual([]);
    const records = new Map(first.samples.map((s) => [s.entity, s.records]));
    const back = reimported(exportWorkbench(design, { records }).text);
    const again = deriveDesign(back.model, { previous: back.layout });
    expect(layoutDocument(designLayout(again), '')).toEqual(layoutDocument(designLayout(design), ''));
    expect(entitiesOf(back.model).map((e) => e.name)).toEqual(entitiesOf(first.model).map((e) => e.name));
  });
});
