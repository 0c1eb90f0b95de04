// What a deployed table cannot take when its design changes, as `evolve.*` errors
// (each naming its subject and what the alternatives cost), and what a deployed
// design keeps that no pattern reads any more (`evolve.unused*` warnings).
// DynamoDB's rules: a table's key schema is set by CreateTable and UpdateTable
// cannot change it (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html),
// and an item's primary key cannot be updated, only deleted and put again
// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html);
// a GSI's key schema and projection cannot be changed once it exists, only the
// GSI deleted and another created
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html).
import { indexEntryWrite, writeUnitsOf } from '../cost/writeUnits.ts';
import { itemBytes } from '../cost/itemSize.ts';
import { DEFAULT_PRICES, type PriceTable } from '../cost/prices.ts';
import { dollars, units } from '../cost/costText.ts';
import { indexKeyText, keySchemaOf } from '../design/indexKeys.ts';
import { toItem } from '../design/items.ts';
import { keyTemplateLine } from '../design/templateText.ts';
import type { Design, DesignLayout } from '../design/types.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import { evolveDiagnostic } from './evolveDiagnostic.ts';
import { evolveSamples, mean, type EntitySamples } from './evolveSamples.ts';

/** A new table holding a copy of every item: the items at the declared counts, the write units of putting them (table and GSIs), and that on-demand. */
export interface FullCopyCost {
  items: number;
  writeUnits: number;
  dollars: number;
}

/** The cost of copying every record of the new design's model into a new table of that design (BatchWriteItem puts, each GSI entry a write). */
export function fullCopyCost(to: Design, samples: readonly EntitySamples[], prices: PriceTable = DEFAULT_PRICES): FullCopyCost {
  let items = 0;
  let writeUnits = 0;
  for (const { entity, count, records } of samples) {
    const perItem = records.flatMap((record) => {
      try {
        const item = toItem(to, entity.name, record);
        return [
          writeUnitsOf(itemBytes(item)) +
            to.indexes.reduce((n, index) => n + (index.kind === 'gsi' ? (indexEntryWrite(index, undefined, item)?.units ?? 0) : 0), 0),
        ];
      } catch {
        return [];
      }
    });
    items += count;
    writeUnits += Math.ceil(count * mean(perItem));
  }
  return { items, writeUnits, dollars: (writeUnits * prices.perMillionWriteRequestUnits) / 1e6 };
}

/**
 * The changes from the deployed layout `from` to the design `to` that the live table cannot take: an entity's
 * table key template, the table's or a GSI's key schema or projection, the entity attribute. Empty when `to`
 * can be reached by backfilling attributes and creating (or dropping) GSIs.
 */
export function deployedProblems(from: DesignLayout, to: Design, options: { samples?: readonly EntitySamples[]; prices?: PriceTable } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  let copy: FullCopyCost | undefined;
  const alternative = () => {
    copy ??= fullCopyCost(to, options.samples ?? evolveSamples(to), options.prices);
    return `a new table with a full copy (${units(copy.items)} items at the declared counts, ${units(copy.writeUnits)} write units, ${dollars(copy.dollars)} on-demand)`;
  };
  const entityIndex = (name: string) => to.model.entities.findIndex((e) => e.name === name);
  const attributeNames = new Set(to.model.entities.flatMap((e) => e.attributes.map((a) => a.name)));

  if (from.entityAttribute !== to.entityAttribute) {
    const holders = to.model.entities.filter((e) => e.attributes.some((a) => a.name === from.entityAttribute)).map((e) => e.name);
    out.push(
      evolveDiagnostic(
        'evolve.entityAttributeChanged',
        `Items name their entity in "${from.entityAttribute}", which ${holders.length ? `${holders.join(', ')} now also ${holders.length > 1 ? 'have' : 'has'} as an attribute` : 'the new design renames'} ("${to.entityAttribute}" instead): every item of the live table would have to be rewritten and every native GSI keyed on it recreated. Rename the model's attribute "${from.entityAttribute}", or pay for ${alternative()}.`,
        { subject: {} },
      ),
    );
  }

  for (const before of from.indexes) {
    const after = to.indexes.find((i) => i.name === before.name);
    if (!after) continue;
    const projection = 'projection' in after ? after.projection : 'ALL';
    if (JSON.stringify(keySchemaOf(before)) === JSON.stringify(keySchemaOf(after)) && before.projection === projection) continue;
    const taken = before.keys === 'native' ? [] : [before.pkAttribute, before.skAttribute].filter((a) => attributeNames.has(a));
    const what = before.kind === 'table' ? "The table's key schema" : `${before.name}'s key schema`;
    out.push(
      evolveDiagnostic(
        'evolve.indexKeyChanged',
        `${what} would change from ${indexKeyText(before)} to ${indexKeyText(after)}${taken.length ? ` (the model now has ${taken.map((a) => `"${a}"`).join(', ')} as an attribute)` : ''}: DynamoDB cannot change ${before.kind === 'table' ? "a table's key schema" : "a GSI's key schema or projection"} in place. ${taken.length ? `Rename the model's ${taken.map((a) => `"${a}"`).join(', ')}, or pay for` : 'The alternative is'} ${alternative()}.`,
        { subject: { index: before.name } },
      ),
    );
  }

  const fromTable = from.indexes.find((i) => i.kind === 'table');
  const toTable = to.indexes.find((i) => i.kind === 'table');
  for (const prev of from.entities) {
    const now = to.entities.find((e) => e.entity === prev.entity);
    const entity = to.model.entities.find((e) => e.name === prev.entity);
    const a = prev.keys.table;
    const b = now?.keys.table;
    if (!now || !entity || !a || !b || JSON.stringify(a) === JSON.stringify(b) || !fromTable || !toTable) continue;
    const names = [...a.pk, ...a.sk].flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));
    const gone = names.filter((n) => !entity.attributes.some((x) => x.name === n));
    const optional = names.filter((n) => entity.attributes.find((x) => x.name === n)?.optional);
    const keep = [...gone.map((n) => `keep "${n}" in ${entity.name}`), ...optional.map((n) => `keep "${n}" required`)];
    const cause = gone.length
      ? `${entity.name} no longer has ${gone.map((n) => `"${n}"`).join(', ')}`
      : optional.length
        ? `${optional.map((n) => `"${n}"`).join(', ')} ${optional.length > 1 ? 'are' : 'is'} now optional`
        : 'the new design keys it otherwise';
    out.push(
      evolveDiagnostic(
        'evolve.tableKeyChanged',
        `${entity.name}'s table key would change from ${keyTemplateLine(fromTable, a)} to ${keyTemplateLine(toTable, b)} (${cause}): an item's table key cannot change on the live table, and every item needs its table key. Either ${keep.length ? `${keep.join(' and ')} (no cost), or pay for` : 'keep the model as it was, or pay for'} ${alternative()}.`,
        { path: `entities[${entityIndex(entity.name)}]`, subject: { entity: entity.name, index: 'table' } },
      ),
    );
  }
  return out;
}

/** What a deployed design keeps that no pattern of the new design reads: GSIs (until dropped) and entities' templates in GSIs others still read. */
export function unusedWarnings(from: DesignLayout, to: Design): Diagnostic[] {
  const out: Diagnostic[] = [];
  const read = new Set(to.patterns.flatMap((p) => p.steps.flatMap((s) => s.entities.map((e) => `${s.index}\u0000${e}`))));
  for (const index of to.indexes) {
    if (index.kind !== 'gsi' || !from.indexes.some((i) => i.name === index.name)) continue;
    if (index.patterns.length === 0) {
      out.push(
        evolveDiagnostic(
          'evolve.unusedIndex',
          `${index.name} is kept as the deployed table has it, though no pattern reads it any more: every write still keeps its keys. Drop it with migrate --drop-unused.`,
          {
            subject: { index: index.name },
          },
          'warning',
        ),
      );
      continue;
    }
    for (const entity of index.entities) {
      const existed = from.entities.find((e) => e.entity === entity)?.keys[index.name] !== undefined;
      if (!existed || read.has(`${index.name}\u0000${entity}`)) continue;
      out.push(
        evolveDiagnostic(
          'evolve.unusedTemplate',
          `${entity}'s key in ${index.name} is kept as the deployed table has it, though no pattern reads ${entity} through ${index.name} any more: writes still keep it.`,
          {
            subject: { entity, index: index.name },
          },
          'warning',
        ),
      );
    }
  }
  return out;
}
