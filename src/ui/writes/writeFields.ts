// The Writes view's form, typed from the entity's attributes: which fields each
// operation takes, the draft a record fills in, and the write call a draft
// becomes, or the errors to show at its fields (a number field holding text, a
// missing key attribute). Pure: no React.
import type { Attribute, AttributeType, Entity, RecordValue, Scalar, WriteCall, WriteItem, WriteOperation } from '../../engine/index.ts';
import type { ConditionDraft, WriteDraft } from '../../store/types.ts';
import { parseParamText } from '../patterns/paramFields.ts';

export interface WriteField {
  /** Where its text is in the draft: `key.x`, `record.x`, `set.x`, `add.x`, `version`. */
  id: string;
  name: string;
  type: AttributeType;
  values?: Scalar[];
  optional: boolean;
}

export interface WriteFormFields {
  /** update, remove, add: the record's key. */
  key: WriteField[];
  /** create: every attribute. */
  record: WriteField[];
  /** update: the attributes it may change (key and version aside). */
  set: WriteField[];
  /** add: the number attributes outside the key and the version. */
  add: WriteField[];
  /** update (required), remove and add (optional): the version the write expects. */
  version?: WriteField;
  /** What a condition may test (not for create, which takes none). */
  conditionAttributes: Attribute[];
}

function field(prefix: string, a: Attribute, optional = a.optional === true): WriteField {
  return { id: `${prefix}.${a.name}`, name: a.name, type: a.type, optional, ...(a.values !== undefined ? { values: a.values } : {}) };
}

/** The number attributes add can change: outside the key and the version. */
export function addableAttributes(entity: Entity): Attribute[] {
  return entity.attributes.filter((a) => a.type === 'number' && !entity.key.includes(a.name) && a.name !== entity.version);
}

/** The operations an entity takes: add only with a number attribute it can add to. */
export function operationsOf(entity: Entity): WriteOperation[] {
  return addableAttributes(entity).length > 0 ? ['create', 'update', 'remove', 'add'] : ['create', 'update', 'remove'];
}

export function writeFormFields(entity: Entity, operation: WriteOperation): WriteFormFields {
  const keyAttributes = entity.key.flatMap((name) => entity.attributes.filter((a) => a.name === name));
  const versionAttribute = entity.attributes.find((a) => a.name === entity.version);
  const outside = entity.attributes.filter((a) => !entity.key.includes(a.name) && a.name !== entity.version);
  const fields: WriteFormFields = { key: [], record: [], set: [], add: [], conditionAttributes: operation === 'create' ? [] : entity.attributes };
  if (operation === 'create') fields.record = entity.attributes.map((a) => field('record', a));
  else fields.key = keyAttributes.map((a) => field('key', a, false));
  if (operation === 'update') fields.set = outside.map((a) => field('set', a));
  if (operation === 'add') fields.add = addableAttributes(entity).map((a) => field('add', a, true));
  if (versionAttribute && operation !== 'create')
    fields.version = { id: 'version', name: versionAttribute.name, type: 'number', optional: operation !== 'update' };
  return fields;
}

const text = (value: Scalar | undefined): string => (value === undefined ? '' : String(value));

/** A draft for the operation filled from a record (its key, values and version), or empty. */
export function draftFrom(entity: Entity, operation: WriteOperation, record: RecordValue | undefined, conditions: ConditionDraft[] = []): WriteDraft {
  const texts: Record<string, string> = {};
  const own = (name: string) => (record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined);
  for (const a of entity.attributes) {
    texts[`record.${a.name}`] = text(own(a.name));
    texts[`set.${a.name}`] = text(own(a.name));
  }
  for (const name of entity.key) texts[`key.${name}`] = text(own(name));
  if (entity.version !== undefined) texts.version = text(own(entity.version));
  return { operation, texts, modes: {}, conditions };
}

export type BuiltWrite = { ok: true; call: WriteCall } | { ok: false; errors: Record<string, string> };

/** The write call the draft states, or the message for each field that does not read. */
export function buildWriteCall(entity: Entity, draft: WriteDraft): BuiltWrite {
  const fields = writeFormFields(entity, draft.operation);
  const errors: Record<string, string> = {};
  const textOf = (id: string) => (Object.hasOwn(draft.texts, id) ? (draft.texts[id] ?? '') : '');
  /** The field's value; undefined (and no error) for an optional field left empty. */
  const read = (f: WriteField, required = !f.optional): Scalar | undefined => {
    const typed = textOf(f.id);
    if (typed === '') {
      if (required) errors[f.id] = `Enter ${f.name}.`;
      return undefined;
    }
    const parsed = parseParamText(f.type, typed);
    if (!parsed.ok) {
      errors[f.id] = parsed.message;
      return undefined;
    }
    if (f.values !== undefined && f.values.length > 0 && !f.values.includes(parsed.value)) errors[f.id] = `Choose one of ${f.values.map(String).join(', ')}.`;
    return parsed.value;
  };
  const collect = (list: WriteField[], required?: boolean): WriteItem => {
    const out: [string, Scalar][] = [];
    for (const f of list) {
      const value = read(f, required ?? !f.optional);
      if (value !== undefined) out.push([f.name, value]);
    }
    return Object.fromEntries(out);
  };
  const key = collect(fields.key, true);
  const version = fields.version ? read(fields.version) : undefined;
  const condition = conditionOf(entity, draft.conditions, errors);
  const ifPart = condition === undefined ? {} : { if: condition };
  const versionPart = typeof version === 'number' ? { version } : {};
  let call: WriteCall;
  switch (draft.operation) {
    case 'create':
      call = { operation: 'create', entity: entity.name, record: collect(fields.record) };
      break;
    case 'update': {
      const changes: [string, Scalar | null][] = [];
      for (const f of fields.set) {
        const mode = Object.hasOwn(draft.modes, f.id) ? draft.modes[f.id] : 'keep';
        if (mode === 'remove') changes.push([f.name, null]);
        else if (mode === 'set') {
          const value = read(f, true);
          if (value !== undefined) changes.push([f.name, value]);
        }
      }
      if (fields.version && typeof version === 'number') changes.push([fields.version.name, version]);
      if (changes.length === 0 && Object.keys(errors).length === 0) errors.changes = 'Choose at least one attribute to set or remove.';
      call = { operation: 'update', entity: entity.name, key, changes: Object.fromEntries(changes), ...ifPart };
      break;
    }
    case 'remove':
      call = { operation: 'remove', entity: entity.name, key, ...versionPart, ...ifPart };
      break;
    case 'add': {
      const amounts = collect(fields.add, false);
      if (Object.keys(amounts).length === 0 && Object.keys(errors).length === 0) errors.changes = 'Enter an amount to add to at least one attribute.';
      call = { operation: 'add', entity: entity.name, key, amounts, ...versionPart, ...ifPart };
      break;
    }
    default: {
      const never: never = draft.operation;
      return { ok: false, errors: { operation: `Unknown operation ${String(never)}.` } };
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, call };
}

/** The condition rows as the runtime's `if` (`{ stock: { ge: 2 } }`); errors at `condition.<i>`. */
function conditionOf(entity: Entity, rows: readonly ConditionDraft[], errors: Record<string, string>): Record<string, unknown> | undefined {
  const tests: [string, Record<string, unknown>][] = [];
  rows.forEach((row, i) => {
    const attribute = entity.attributes.find((a) => a.name === row.attribute);
    if (attribute === undefined) {
      errors[`condition.${i}`] = 'Choose an attribute.';
      return;
    }
    let test: [string, unknown];
    if (row.test === 'exists' || row.test === 'notExists') test = ['exists', row.test === 'exists'];
    else {
      const type = row.test === 'beginsWith' ? 'string' : attribute.type;
      const parsed = row.text === '' ? { ok: false as const, message: 'Enter a value.' } : parseParamText(type, row.text);
      if (!parsed.ok) {
        errors[`condition.${i}`] = parsed.message;
        return;
      }
      test = [row.test, parsed.value];
    }
    const existing = tests.find(([name]) => name === attribute.name);
    if (existing) existing[1][test[0]] = test[1];
    else tests.push([attribute.name, Object.fromEntries([test])]);
  });
  return tests.length > 0 ? Object.fromEntries(tests) : undefined;
}

/** The errors to show: all once the write was tried, else only where something typed does not read. */
export function visibleErrors(errors: Record<string, string>, draft: WriteDraft, tried: boolean): Record<string, string> {
  if (tried) return errors;
  const typed = (field: string): boolean => {
    const condition = /^condition\.(\d+)$/.exec(field);
    if (condition) return (draft.conditions[Number(condition[1])]?.text ?? '') !== '';
    return Object.hasOwn(draft.texts, field) && draft.texts[field] !== '';
  };
  return Object.fromEntries(Object.entries(errors).filter(([field]) => typed(field)));
}
