// Upper-case labels that start every key of an entity (`GameScore` → `GAME_SCORE`).
// Labels use only [A-Z0-9_], all above the `#`/`$` bounds of encoded keys.
import type { Model } from '../model/types.ts';

export function entityLabels(model: Model): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const entity of model.entities) {
    const base =
      entity.name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
        .toUpperCase() || 'ENTITY';
    let label = base;
    for (let n = 2; used.has(label); n++) label = `${base}_${n}`;
    used.add(label);
    labels.set(entity.name, label);
  }
  return labels;
}
