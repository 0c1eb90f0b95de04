// The answer to an access pattern computed by brute force on records, by the
// definition in FORMAT.md ("What a pattern means"). It is the reference a
// design is checked against: whatever the table layout, a pattern's requests
// must return exactly these records. Knows nothing of items or keys.
//
// Output order: each matched record (sorted by `order` when given, else in
// record order), followed at once by the records of each `include` entity
// that belong to it (entity by entity, in record order): the shape of an item
// collection. An unknown pattern answers nothing. A record that lacks an
// attribute the pattern names in equals, fixed, range or order (an optional
// one) is not matched; a fixed attribute must equal its literal. With `limit`,
// the first `limit` matched records in the order are kept (ties at the
// boundary in record order), each with its included records.
import { patternNamed } from './patternParameters.ts';
import type { Entity, Model, Pattern, PatternParams, RecordValue, Scalar } from '../model/types.ts';
import { fixedEntries } from '../model/patternEqualities.ts';
import { compareScalars } from './compareScalars.ts';
import { matchesCondition } from './matchesCondition.ts';

export interface AnsweredRecord {
  entity: string;
  record: RecordValue;
}

const tupleKey = (values: (Scalar | undefined)[]): string => JSON.stringify(values);

/** Whether the record holds the attribute (an optional one may be absent; own properties only). */
const holds = (record: RecordValue, name: string): boolean => Object.hasOwn(record, name) && record[name] !== undefined && record[name] !== null;

/** The record's value of an attribute: own properties only (an attribute may be called `__proto__`). */
const valueOf = (record: RecordValue, name: string): Scalar | undefined => (Object.hasOwn(record, name) ? record[name] : undefined);

function matches(pattern: Pattern, record: RecordValue, params: PatternParams): boolean {
  // A record that lacks an attribute the pattern names is not in its answer (FORMAT.md, optional attributes).
  if (pattern.order && !holds(record, pattern.order.attribute)) return false;
  // Fixed attributes equal their literal (FORMAT.md `fixed`); a record lacking one is not in the answer.
  for (const [name, value] of fixedEntries(pattern)) if (!matchesCondition(valueOf(record, name), '=', value)) return false;
  for (const name of pattern.equals) {
    const param = params[name];
    if (param === undefined || Array.isArray(param) || !matchesCondition(record[name], '=', param)) return false;
  }
  if (pattern.range) return matchesCondition(record[pattern.range.attribute], pattern.range.op, params[pattern.range.attribute]);
  return true;
}

/**
 * Children of one included entity, grouped by the parent key they point at.
 * An include follows the child's FIRST relation to the parent (as the key
 * layout and the conformance harness do): one item sits in one partition per
 * index, so a child cannot sit in two parents' collections of the same query.
 */
function childrenByParentKey(child: Entity, parent: string, records: RecordValue[]): Map<string, RecordValue[]> {
  const byKey = new Map<string, RecordValue[]>();
  const rel = child.belongsTo.find((b) => b.entity === parent);
  if (!rel) return byKey;
  for (const record of records) {
    const k = tupleKey(rel.via.map((v) => record[v]));
    const list = byKey.get(k);
    if (list) list.push(record);
    else byKey.set(k, [record]);
  }
  return byKey;
}

export function answerPattern(model: Model, records: Map<string, RecordValue[]>, patternName: string, params: PatternParams): AnsweredRecord[] {
  const pattern = patternNamed(model, patternName);
  if (!pattern) return [];
  const entity = model.entities.find((e) => e.name === pattern.entity);
  if (!entity) return [];

  const matched = (records.get(pattern.entity) ?? []).filter((r) => matches(pattern, r, params));
  const order = pattern.order;
  if (order) {
    const sign = order.direction === 'desc' ? -1 : 1;
    // Array.prototype.sort is stable: ties keep record order. Values of another type sort last.
    matched.sort((a, b) => {
      const x = a[order.attribute];
      const y = b[order.attribute];
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
      const c = compareScalars(x, y);
      return c === undefined ? (typeof x < typeof y ? -1 : typeof x > typeof y ? 1 : 0) : sign * c;
    });
  }

  // The first `limit` records in the order (FORMAT.md `limit`): ties at the boundary keep record order.
  if (pattern.limit !== undefined && order) matched.splice(Math.max(0, pattern.limit));

  const includes = (pattern.include ?? []).flatMap((name) => {
    const child = model.entities.find((e) => e.name === name);
    return child ? [{ name, byKey: childrenByParentKey(child, entity.name, records.get(name) ?? []) }] : [];
  });

  const matchedSet = new Set(matched);
  const out: AnsweredRecord[] = [];
  for (const record of matched) {
    out.push({ entity: pattern.entity, record });
    const key = tupleKey(entity.key.map((k) => record[k]));
    for (const inc of includes) {
      for (const child of inc.byKey.get(key) ?? []) {
        // A self-including entity: a matched record is not listed again as a child.
        if (inc.name === pattern.entity && matchedSet.has(child)) continue;
        out.push({ entity: inc.name, record: child });
      }
    }
  }
  return out;
}
