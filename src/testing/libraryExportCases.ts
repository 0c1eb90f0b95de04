// Test data for the library exports (ElectroDB, DynamoDB-Toolbox): every problem of ../shared/problems
// (its extensions too) and the engine's test problems, derived in both key modes, and e-commerce with
// each hostile text as its name, its table's name, every pattern's description and an enumerated value.
import path from 'node:path';
import { deriveDesign } from '../engine/design/deriveDesign.ts';
import type { Design } from '../engine/design/types.ts';
import { KEYS_MODES } from '../engine/keys/nativeKeys.ts';
import { loadModel } from './exampleModels.ts';
import { exportProblemFiles, SHARED_PROBLEMS_DIR } from './exportCases.ts';
import { HOSTILE_TEXTS } from './hostileInputs.ts';

export interface NamedDesign {
  /** A plain file name: `slug-mode`, `hostile-N`. */
  name: string;
  design: Design;
}

export function libraryExportCases(): { cases: NamedDesign[]; hostile: NamedDesign[] } {
  const cases = exportProblemFiles().flatMap((file) => {
    const model = loadModel(file);
    return KEYS_MODES.map((keys) => ({ name: `${path.basename(file, '.problem.json')}-${keys}`, design: deriveDesign(model, { keys }) }));
  });
  const hostile = HOSTILE_TEXTS.map((text, i) => {
    const model = structuredClone(loadModel(path.join(SHARED_PROBLEMS_DIR, 'ecommerce.problem.json')));
    model.name = text;
    for (const p of model.patterns) p.text = text;
    model.entities
      .flatMap((e) => e.attributes)
      .find((a) => a.type === 'string' && a.values?.length)
      ?.values?.push(text);
    return { name: `hostile-${String(i)}`, design: { ...deriveDesign(model), tableName: text } };
  });
  return { cases, hostile };
}
