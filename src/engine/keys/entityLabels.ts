// Upper-case labels that start every key of an entity (`GameScore` → `GAME_SCORE`).
// Labels use only [A-Z0-9_], all above the `#`/`$` bounds of encoded keys.
// `kept` labels (from a previous design) stay as they are; the others avoid them.
import { splitWords } from '../model/splitWords.ts';
import type { Model } from '../model/types.ts';

export function entityLabels(model: Model, kept: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const entity of model.entities) {
    const label = kept.get(entity.name);
    if (label !== undefined && !used.has(label)) {
      labels.set(entity.name, label);
      used.add(label);
    }
  }
  for (const entity of model.entities) {
    if (labels.has(entity.name)) continue;
    const base = splitWords(entity.name).join('_').toUpperCase() || 'ENTITY';
    let label = base;
    for (let n = 2; used.has(label); n++) label = `${base}_${n}`;
    used.add(label);
    labels.set(entity.name, label);
  }
  return labels;
}
