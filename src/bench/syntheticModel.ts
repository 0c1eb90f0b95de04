// Deterministic synthetic models for the speed bench: N patterns over M
// entities, with relations, ranges, orders, hierarchies and includes.
import { createRandom, printModelText, type Model, type Pattern } from '../engine/index.ts';

export function syntheticModel(patterns: number, entities: number): Model {
  const r = createRandom(`synthetic-${patterns}-${entities}`);
  const model: Model = { name: `Synthetic ${patterns}`, entities: [], patterns: [] };
  for (let e = 0; e < entities; e++) {
    const parent = e > 0 && r.next() < 0.6 ? model.entities[r.int(0, e - 1)] : undefined;
    const attributes = [
      { name: `id${e}`, type: 'string' as const },
      { name: 'tenant', type: 'string' as const },
      { name: 'region', type: 'string' as const },
      { name: 'city', type: 'string' as const },
      { name: 'status', type: 'string' as const, values: ['new', 'open', 'closed'] },
      { name: 'createdAt', type: 'datetime' as const },
      { name: 'score', type: 'number' as const },
      { name: 'title', type: 'string' as const },
    ];
    if (parent) attributes.push({ name: 'parentRef', type: 'string' as const });
    model.entities.push({
      name: `Entity${e}`,
      attributes,
      key: [`id${e}`],
      belongsTo: parent ? [{ entity: parent.name, via: ['parentRef'] }] : [],
      count: 50,
    });
  }
  const shapes: ((e: Model['entities'][number]) => Omit<Pattern, 'name' | 'entity'>)[] = [
    (e) => ({ equals: [e.key[0] ?? 'id'], returns: 'one' }),
    () => ({ equals: ['tenant'], order: { attribute: 'createdAt', direction: 'desc' }, returns: 'many' }),
    () => ({ equals: ['tenant'], range: { attribute: 'createdAt', op: '>=' }, order: { attribute: 'createdAt', direction: 'desc' }, returns: 'many' }),
    () => ({ equals: ['region'], returns: 'many' }),
    () => ({ equals: ['region', 'city'], returns: 'many' }),
    () => ({ equals: ['status'], order: { attribute: 'score', direction: 'desc' }, returns: 'many' }),
    () => ({ equals: ['tenant'], range: { attribute: 'title', op: 'begins_with' }, returns: 'many' }),
    () => ({ equals: ['tenant', 'status'], range: { attribute: 'score', op: 'between' }, returns: 'many' }),
  ];
  for (let p = 0; p < patterns; p++) {
    const entity = model.entities[p % entities] as Model['entities'][number];
    const child = model.entities.find((c) => c.belongsTo.some((b) => b.entity === entity.name));
    const useInclude = child !== undefined && r.next() < 0.1;
    const shape = useInclude
      ? { equals: [entity.key[0] ?? 'id'], include: [child.name], returns: 'many' as const }
      : (shapes[r.int(0, shapes.length - 1)] as (typeof shapes)[number])(entity);
    model.patterns.push({ name: `pattern${p}`, entity: entity.name, ...shape });
  }
  return model;
}

/** A valid text model of exactly `chars` characters: the 1,000-pattern synthetic model, then comment lines (big-model bench and e2e). */
export function modelTextOfSize(chars: number): string {
  const model = printModelText(syntheticModel(1000, 100));
  const line = `# ${'x'.repeat(77)}\n`;
  return (model + line.repeat(Math.max(0, Math.ceil((chars - model.length) / line.length)))).slice(0, chars - 1) + '\n';
}
