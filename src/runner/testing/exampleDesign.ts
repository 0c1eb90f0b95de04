// Test data for the runner's tests (not shipped): a shared example problem
// turned into a design, sample records and items, the way the CLI does it.
import { existsSync, readFileSync } from 'node:fs';
import { deriveDesign, generateSampleRecords, loadProblem, toItem, type Design, type Item, type RecordValue } from '../../engine/index.ts';

// The app's copy of the examples when there is one, else the shared originals.
const APP_EXAMPLES = new URL('../../examples/', import.meta.url);
const SHARED_PROBLEMS = new URL('../../../../shared/problems/', import.meta.url);

export interface Example {
  design: Design;
  records: Map<string, RecordValue[]>;
  items: Item[];
}

export function problemText(file: string): string {
  const local = new URL(file, APP_EXAMPLES);
  return readFileSync(existsSync(local) ? local : new URL(file, SHARED_PROBLEMS), 'utf8');
}

export function exampleDesign(file = 'ecommerce.problem.json', seed = 'runner-tests', scale = 1): Example {
  const parsed = loadProblem(problemText(file));
  if (!parsed.model) throw new Error(`${file} does not load: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  const design = deriveDesign(parsed.model);
  const records = generateSampleRecords(parsed.model, { seed, scale });
  const items: Item[] = [];
  for (const [entity, list] of records) for (const record of list) items.push(toItem(design, entity, record));
  return { design, records, items };
}

/** A table name no other test uses. */
export function uniqueTableName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
