// The attributes a result row shows, so the answer's order can be checked by eye: for the pattern's
// own entity its order, range and equality attributes, then its key; for an included entity (`with`)
// its key. Pure: no React.
import type { Item, Model, Scalar } from '../../engine/index.ts';

/** `[name, value]` pairs of the item's attributes to show, in that order, each once; absent ones left out. */
export function resultAttributes(model: Model, patternName: string, entityName: string, item: Item): [string, Scalar][] {
  const pattern = model.patterns.find((p) => p.name === patternName);
  const entity = model.entities.find((e) => e.name === entityName);
  const names = new Set<string>();
  if (pattern !== undefined && pattern.entity === entityName) {
    if (pattern.order) names.add(pattern.order.attribute);
    if (pattern.range) names.add(pattern.range.attribute);
    for (const name of pattern.equals) names.add(name);
  }
  for (const name of entity?.key ?? []) names.add(name);
  // Own properties only: an attribute may be called `__proto__`.
  return [...names].flatMap((name): [string, Scalar][] => (Object.hasOwn(item, name) ? [[name, item[name] as Scalar]] : []));
}
