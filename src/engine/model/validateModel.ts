// The semantic rules of a model (FORMAT.md "Rules"), shared by the JSON and the text form.
// Each problem is a diagnostic with a code, the JSON path it concerns and, given a source map,
// the span of that path (or of its nearest ancestor that has one).
import type { Diagnostic, DiagnosticSubject, Severity, SourceMap } from './diagnostics.ts';
import { isIdentifier } from './isIdentifier.ts';
import { joinPath, parentPath } from './jsonPath.ts';
import { fixedEntries } from './patternEqualities.ts';
import { locatePath } from './locatePath.ts';
import { matchesType } from './matchesType.ts';
import { numberProblem } from './dynamoNumbers.ts';
import { modelDiagnostic, quoteName, type ModelDiagnosticCode } from './modelDiagnostic.ts';
import { didYouMean } from './suggest.ts';
import { tableNameProblem } from './tableName.ts';
import {
  ATTRIBUTE_TYPES,
  BILLING_MODES,
  RANGE_OPS,
  STREAM_VIEWS,
  TABLE_CLASSES,
  type Attribute,
  type AttributeType,
  type Entity,
  type Model,
  type Pattern,
  type RangeOp,
  type Rate,
  type Scalar,
  type TableSettings,
} from './types.ts';

const NAME_RULE = 'names are ASCII identifiers: a letter or _, then letters, digits or _';
const MAX_SUGGESTIONS = 100;
const PREFIX_TYPES: readonly AttributeType[] = ['string', 'date', 'datetime'];
/** DynamoDB's item size limit: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items */
const MAX_ITEM_BYTES = 400 * 1024;
/** Shards a pattern may ask for: each is one request per call. */
const MAX_SHARDS = 1000;

interface EntityInfo {
  entity: Entity;
  index: number;
  attributes: Map<string, { attribute: Attribute; index: number }>;
}

/**
 * Checks every rule and returns all problems found (errors and warnings).
 * `unreadable` holds paths a parser could not read (their values are placeholders): problems at
 * or below them, and problems that depend on them (an unknown name that may be the unreadable
 * one), are not reported, because the parser has already reported the real cause.
 */
/** The form the model was read from: messages name its words (`with` in the text form for JSON's `include`). */
export interface ValidateOptions {
  form?: 'json' | 'text';
}

export function validateModel(model: Model, sourceMap?: SourceMap, unreadable: ReadonlySet<string> = new Set(), options: ValidateOptions = {}): Diagnostic[] {
  const includeWord = options.form === 'text' ? 'with' : 'include';
  const out: Diagnostic[] = [];
  // Suggestions for the first unknown names only: a model full of them needs no more, and
  // each costs a comparison with every candidate.
  let suggestionsLeft = MAX_SUGGESTIONS;
  const hint = (name: string, candidates: Iterable<string>) => (suggestionsLeft-- > 0 ? didYouMean(name, candidates) : '');
  const covered = (path: string): boolean => {
    // A model read whole (the usual case) has nothing unreadable: no path to walk up.
    if (unreadable.size === 0) return false;
    for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) if (unreadable.has(p)) return true;
    return false;
  };
  // A problem inside a pattern or an entity names it as its subject (when its name was read).
  const subjectOf = (path: string): DiagnosticSubject | undefined => {
    const at = /^(patterns|entities)\[(\d+)\]/.exec(path);
    if (!at || covered(`${at[0]}.name`)) return undefined;
    const name: unknown = (at[1] === 'patterns' ? model.patterns : model.entities)[Number(at[2])]?.name;
    if (typeof name !== 'string' || name === '') return undefined;
    return at[1] === 'patterns' ? { pattern: name } : { entity: name };
  };
  const report = (code: ModelDiagnosticCode, path: string, message: string, severity: Severity = 'error') => {
    if (!covered(path)) out.push(modelDiagnostic(code, message, { path, span: locatePath(sourceMap, path), subject: subjectOf(path) }, severity));
  };
  const checkName = (name: string, path: string, what: string) => {
    if (name === '') report('model.invalidName', path, `${what} has an empty name: ${NAME_RULE}`);
    else if (!isIdentifier(name)) report('model.invalidName', path, `${what} name ${quoteName(name)} is not valid: ${NAME_RULE}`);
  };
  const entityPath = (i: number) => `entities[${i}]`;
  const entityNamesUncertain = covered('entities') || model.entities.some((_, i) => covered(`${entityPath(i)}.name`));
  const uncertainAttributes = new Map<number, boolean>();
  const attributeNamesUncertain = (i: number): boolean => {
    let uncertain = uncertainAttributes.get(i);
    if (uncertain === undefined) {
      uncertain =
        covered(`${entityPath(i)}.attributes`) || (model.entities[i]?.attributes ?? []).some((_, j) => covered(`${entityPath(i)}.attributes[${j}].name`));
      uncertainAttributes.set(i, uncertain);
    }
    return uncertain;
  };
  const typeKnown = (info: EntityInfo, attributeIndex: number, type: AttributeType) =>
    ATTRIBUTE_TYPES.includes(type) && !covered(`${entityPath(info.index)}.attributes[${attributeIndex}].type`);
  const listUncertain = (path: string) => covered(path) || [...unreadable].some((p) => p.startsWith(`${path}[`) || p.startsWith(`${path}.`));

  // Entities and their attributes.
  const entities = new Map<string, EntityInfo>();
  const infos: EntityInfo[] = [];
  model.entities.forEach((entity, i) => {
    const path = entityPath(i);
    checkName(entity.name, `${path}.name`, 'entity');
    if (isIdentifier(entity.name) && !/^[A-Z]/.test(entity.name)) {
      report('model.entityNameCase', `${path}.name`, `entity name ${quoteName(entity.name)} should start with an upper-case letter (PascalCase)`, 'warning');
    }
    const info: EntityInfo = { entity, index: i, attributes: new Map() };
    infos.push(info);
    if (entities.has(entity.name)) {
      report('model.duplicateEntity', `${path}.name`, `entity ${quoteName(entity.name)} is declared twice`);
    } else if (!covered(`${path}.name`)) entities.set(entity.name, info);

    entity.attributes.forEach((attribute, j) => {
      const attributePath = `${path}.attributes[${j}]`;
      checkName(attribute.name, `${attributePath}.name`, 'attribute');
      if (attribute.name === '__proto__') {
        // @aws-sdk/util-dynamodb's marshall and unmarshall build plain objects by assignment (`map[key] = ...`),
        // which sets a prototype instead of a property named __proto__: the value never reaches DynamoDB.
        report(
          'model.sdkDropsAttribute',
          `${attributePath}.name`,
          'an attribute named "__proto__" is valid and Tablewright keeps it, but the AWS SDK\'s lib-dynamodb (marshall/unmarshall) drops it on the way to and from DynamoDB, so the generated module cannot store it: rename it',
          'warning',
        );
      }
      if (info.attributes.has(attribute.name)) {
        report('model.duplicateAttribute', `${attributePath}.name`, `${label(entity)} declares attribute ${quoteName(attribute.name)} twice`);
      } else if (!covered(`${attributePath}.name`)) info.attributes.set(attribute.name, { attribute, index: j });
      const typeOk = ATTRIBUTE_TYPES.includes(attribute.type);
      if (!typeOk) {
        report(
          'model.unknownType',
          `${attributePath}.type`,
          `unknown type ${quoteName(attribute.type)}${didYouMean(attribute.type, ATTRIBUTE_TYPES)} (types: ${ATTRIBUTE_TYPES.join(', ')}; an enumeration is written "a" | "b")`,
        );
      }
      if (attribute.values !== undefined) checkValues(attribute, `${attributePath}.values`, typeOk && !covered(`${attributePath}.type`));
    });

    if (entity.count !== undefined && !(Number.isSafeInteger(entity.count) && entity.count >= 0)) {
      report('model.invalidCount', `${path}.count`, `count must be a whole number of records, 0 or more (found ${String(entity.count)})`);
    }
  });

  function checkValues(attribute: Attribute, path: string, checkTypes: boolean) {
    const values = attribute.values ?? [];
    if (values.length === 0) report('model.emptyValues', path, `${quoteName(attribute.name)} lists no values: give at least one, or drop the enumeration`);
    const seen = new Set<string>();
    values.forEach((value, k) => {
      const valuePath = `${path}[${k}]`;
      if (covered(valuePath)) return;
      if (checkTypes && !matchesType(value, attribute.type)) {
        report('model.valueType', valuePath, `${showValue(value)} is not a ${attribute.type}${TYPE_HINT[attribute.type]}`);
      } else if (checkTypes && typeof value === 'number') {
        const problem = numberProblem(value);
        if (problem !== undefined) report('model.numberRange', valuePath, problem);
      }
      const identity = `${typeof value}:${String(value)}`;
      if (seen.has(identity)) report('model.duplicateValue', valuePath, `${showValue(value)} is listed twice`);
      seen.add(identity);
    });
  }

  // Resolves an attribute of an entity, reporting it (with a suggestion) when it is not declared.
  const resolve = (info: EntityInfo, name: string, path: string) => {
    const found = info.attributes.get(name);
    if (found === undefined && !attributeNamesUncertain(info.index)) {
      report('model.unknownAttribute', path, `${label(info.entity)} has no attribute ${quoteName(name)}${hint(name, info.attributes.keys())}`);
    }
    return found;
  };
  const resolveEntity = (name: string, path: string) => {
    const found = entities.get(name);
    if (found === undefined && !entityNamesUncertain) {
      report('model.unknownEntity', path, `unknown entity ${quoteName(name)}${hint(name, entities.keys())}`);
    }
    return found;
  };
  const noDuplicates = (names: readonly string[], path: string, code: ModelDiagnosticCode, where: string) => {
    const seen = new Set<string>();
    names.forEach((name, k) => {
      if (seen.has(name) && !covered(`${path}[${k}]`)) report(code, `${path}[${k}]`, `${quoteName(name)} appears twice in ${where}`);
      seen.add(name);
    });
  };

  // Keys and relationships (they need every entity known).
  for (const info of infos) {
    const { entity } = info;
    const path = entityPath(info.index);
    if (entity.key.length === 0 && !listUncertain(`${path}.key`)) {
      report('model.emptyKey', `${path}.key`, `${label(entity)} has no key: list the attributes that identify one record`);
    }
    entity.key.forEach((name, j) => {
      if (resolve(info, name, `${path}.key[${j}]`)?.attribute.optional) {
        report(
          'model.optionalKey',
          `${path}.key[${j}]`,
          `${quoteName(name)} is optional (records may lack it), so it cannot be part of ${label(entity)}'s key: every record has its key; drop optional or pick another key attribute`,
        );
      }
    });
    noDuplicates(entity.key, `${path}.key`, 'model.duplicateKeyAttribute', 'the key');

    entity.belongsTo.forEach((relation, k) => {
      const relationPath = `${path}.belongsTo[${k}]`;
      const parent = resolveEntity(relation.entity, `${relationPath}.entity`);
      const via = relation.via.map((name, j) => {
        const found = resolve(info, name, `${relationPath}.via[${j}]`);
        if (found?.attribute.optional) {
          report(
            'model.optionalVia',
            `${relationPath}.via[${j}]`,
            `${quoteName(name)} is optional (records may lack it), so it cannot hold the ${relation.entity} key in via: every ${label(entity)} names its ${relation.entity}; drop optional`,
          );
        }
        return found;
      });
      noDuplicates(relation.via, `${relationPath}.via`, 'model.duplicateVia', 'via');
      if (!parent || listUncertain(`${entityPath(parent.index)}.key`) || listUncertain(`${relationPath}.via`)) return;
      const parentKey = parent.entity.key;
      if (parentKey.length === 0) return; // reported as the parent's empty key
      if (relation.via.length !== parentKey.length) {
        report(
          'model.viaLength',
          `${relationPath}.via`,
          `via lists ${plural(relation.via.length, 'attribute')} but ${parent.entity.name}'s key has ${parentKey.length} (${parentKey.join(', ')}): give one via attribute per key attribute, in key order`,
        );
        return;
      }
      via.forEach((child, j) => {
        const parentAttribute = parent.attributes.get(parentKey[j] ?? '');
        if (!child || !parentAttribute) return;
        const childType = child.attribute.type;
        const parentType = parentAttribute.attribute.type;
        if (typeKnown(info, child.index, childType) && typeKnown(parent, parentAttribute.index, parentType) && childType !== parentType) {
          report(
            'model.viaType',
            `${relationPath}.via[${j}]`,
            `${quoteName(child.attribute.name)} is a ${childType} but ${parent.entity.name}'s key attribute ${quoteName(parentAttribute.attribute.name)} is a ${parentType}`,
          );
        }
      });
    });

    checkUnique(info);
    const vias = new Set(entity.belongsTo.flatMap((relation) => relation.via));
    if (entity.version !== undefined) {
      const versionPath = `${path}.version`;
      const found = resolve(info, entity.version, versionPath);
      const name = quoteName(entity.version);
      if (found && typeKnown(info, found.index, found.attribute.type) && found.attribute.type !== 'number') {
        report(
          'model.versionType',
          versionPath,
          `the version attribute ${name} is a ${found.attribute.type}: optimistic locking counts versions, so it must be a number`,
        );
      } else if (found && entity.key.includes(entity.version)) {
        report(
          'model.versionInKey',
          versionPath,
          `the version attribute ${name} is part of ${label(entity)}'s key: a key never changes, but every update changes the version; use an attribute of its own`,
        );
      } else if (found && vias.has(entity.version)) {
        report(
          'model.versionInVia',
          versionPath,
          `the version attribute ${name} holds a parent's key (via): every update changes the version; use an attribute of its own`,
        );
      } else if (found?.attribute.optional) {
        report(
          'model.optionalVersion',
          versionPath,
          `the version attribute ${name} is optional, but every record has a version (updates state the one they expect): drop optional`,
        );
      }
    }
    if (entity.ttl !== undefined) {
      const ttlPath = `${path}.ttl`;
      const found = resolve(info, entity.ttl, ttlPath);
      const name = quoteName(entity.ttl);
      if (found && typeKnown(info, found.index, found.attribute.type) && found.attribute.type !== 'number') {
        report('model.ttlType', ttlPath, `the ttl attribute ${name} is a ${found.attribute.type}: DynamoDB's time to live reads a number (epoch seconds)`);
      } else if (found && entity.key.includes(entity.ttl)) {
        report(
          'model.ttlInKey',
          ttlPath,
          `the ttl attribute ${name} is part of ${label(entity)}'s key: an expiry time does not identify a record; use an attribute of its own`,
        );
      }
    }
    if (entity.writes !== undefined) checkRate(entity.writes, `${path}.writes`, 'writes');
    if (entity.itemBytes !== undefined && !(Number.isSafeInteger(entity.itemBytes) && entity.itemBytes >= 1 && entity.itemBytes <= MAX_ITEM_BYTES)) {
      report(
        'model.invalidItemBytes',
        `${path}.itemBytes`,
        `itemBytes must be a whole number of bytes from 1 to ${String(MAX_ITEM_BYTES)} (DynamoDB's item size limit, 400 KB) (found ${String(entity.itemBytes)})`,
      );
    }
  }

  /** A rate per second: `avg` 0 or more, `peak` (when given) at least `avg`; both finite. */
  function checkRate(rate: Rate, path: string, what: string) {
    if (!(Number.isFinite(rate.avg) && rate.avg >= 0)) {
      report(
        'model.invalidRate',
        `${path}.avg`,
        `${what}: the average must be a number of ${what === 'rate' ? 'calls' : 'writes'} per second, 0 or more (found ${String(rate.avg)})`,
      );
    } else if (rate.peak !== undefined && !(Number.isFinite(rate.peak) && rate.peak >= rate.avg)) {
      report(
        'model.invalidRate',
        `${path}.peak`,
        `${what}: the peak must be a number per second at least the average, ${String(rate.avg)} (found ${String(rate.peak)})`,
      );
    }
  }

  // Unique attribute sets: each names attributes of the entity, once; no set twice, none the key (already unique).
  function checkUnique(info: EntityInfo) {
    const { entity } = info;
    const path = `${entityPath(info.index)}.unique`;
    const key = setIdentity(entity.key);
    const seen = new Map<string, number>();
    (entity.unique ?? []).forEach((set, k) => {
      const setPath = `${path}[${k}]`;
      if (set.length === 0 && !covered(setPath)) {
        report(
          'model.emptyUnique',
          setPath,
          `a unique set lists no attributes: name the attributes that identify at most one ${label(entity)}, or drop the set`,
        );
        return;
      }
      set.forEach((name, j) => resolve(info, name, `${setPath}[${j}]`));
      noDuplicates(set, setPath, 'model.duplicateUniqueAttribute', 'this unique set');
      if (listUncertain(setPath) || new Set(set).size !== set.length) return;
      const identity = setIdentity(set);
      const earlier = seen.get(identity);
      if (earlier !== undefined) {
        report('model.duplicateUnique', setPath, `this unique set repeats unique set ${earlier + 1} (${set.join(', ')}): list each set once`);
        return;
      }
      seen.set(identity, k);
      if (identity === key && !listUncertain(`${entityPath(info.index)}.key`)) {
        report('model.uniqueIsKey', setPath, `this unique set is ${label(entity)}'s key, which already identifies one record: drop it`, 'warning');
      }
    });
  }

  // The table's settings.
  if (model.table !== undefined) checkTable(model.table);

  function checkTable(table: TableSettings) {
    if (table.name !== undefined) {
      const problem = tableNameProblem(table.name);
      if (problem !== undefined) report('model.invalidTableName', 'table.name', `table name ${problem}`);
    }
    const oneOf = (value: string | undefined, known: readonly string[], code: ModelDiagnosticCode, path: string, what: string): boolean => {
      if (value === undefined || known.includes(value)) return true;
      report(code, path, `unknown ${what} ${quoteName(value)}${didYouMean(value, known)} (use one of ${known.join(', ')})`);
      return false;
    };
    const billingKnown = oneOf(table.billing, BILLING_MODES, 'model.unknownBilling', 'table.billing', 'billing mode') && !covered('table.billing');
    oneOf(table.stream, STREAM_VIEWS, 'model.unknownStreamView', 'table.stream', 'stream view');
    oneOf(table.tableClass, TABLE_CLASSES, 'model.unknownTableClass', 'table.tableClass', 'table class');
    const provisioned = table.billing === 'provisioned';
    for (const field of ['read', 'write'] as const) {
      const units = table[field];
      const fieldPath = `table.${field}`;
      if (units === undefined) {
        if (provisioned && billingKnown && !covered(fieldPath)) {
          report('model.missingCapacity', 'table.billing', `provisioned billing needs ${field} capacity units: add ${field} (a whole number, 1 or more)`);
        }
        continue;
      }
      if (!(Number.isSafeInteger(units) && units >= 1)) {
        report('model.invalidCapacity', fieldPath, `${field} capacity must be a whole number of units, 1 or more (found ${String(units)})`);
      } else if (!provisioned && billingKnown) {
        report(
          'model.capacityWithoutProvisioned',
          fieldPath,
          `${field} capacity is set only with provisioned billing (the table is ${table.billing ?? 'on-demand'}${table.billing === undefined ? ' by default' : ''}): add billing provisioned, or drop ${field}`,
        );
      }
    }
  }

  // Access patterns.
  const patternNames = new Set<string>();
  model.patterns.forEach((pattern, i) => {
    const path = `patterns[${i}]`;
    checkName(pattern.name, `${path}.name`, 'pattern');
    if (patternNames.has(pattern.name)) report('model.duplicatePattern', `${path}.name`, `pattern ${quoteName(pattern.name)} is declared twice`);
    else if (!covered(`${path}.name`)) patternNames.add(pattern.name);

    const info = resolveEntity(pattern.entity, `${path}.entity`);
    if (info) pattern.equals.forEach((name, j) => resolve(info, name, `${path}.equals[${j}]`));
    noDuplicates(pattern.equals, `${path}.equals`, 'model.duplicateEquals', 'the equals list');

    if (pattern.range) {
      const { attribute, op } = pattern.range;
      const found = info && resolve(info, attribute, `${path}.range.attribute`);
      if (!RANGE_OPS.includes(op)) {
        report('model.unknownRangeOp', `${path}.range.op`, `unknown operator ${quoteName(op)}: use one of ${RANGE_OPS.join(', ')}`);
      } else if (op === 'begins_with' && info && found && typeKnown(info, found.index, found.attribute.type) && !PREFIX_TYPES.includes(found.attribute.type)) {
        report(
          'model.beginsWithType',
          `${path}.range.op`,
          `begins_with matches a text prefix, but ${quoteName(attribute)} is a ${found.attribute.type}: use it on a string, date or datetime attribute`,
        );
      } else if (found && pattern.equals.includes(attribute)) {
        report('model.rangeOnEquality', `${path}.range.attribute`, rangeOnEqualityMessage(attribute, op, pattern.equals), 'warning');
      }
    }
    checkFixed(pattern, path, info);
    if (pattern.limit !== undefined) {
      if (!(Number.isSafeInteger(pattern.limit) && pattern.limit >= 1)) {
        report('model.invalidLimit', `${path}.limit`, `limit must be a whole number of records, 1 or more (found ${String(pattern.limit)})`);
      } else if (!pattern.order && !covered(`${path}.order`)) {
        report(
          'model.limitWithoutOrder',
          `${path}.limit`,
          `limit keeps the first ${String(pattern.limit)} records in the pattern's order, but it has none: add order by <attribute> asc|desc (JSON: order)`,
        );
      }
    }
    if (pattern.rate !== undefined) checkRate(pattern.rate, `${path}.rate`, 'rate');
    if (pattern.shards !== undefined && !(Number.isSafeInteger(pattern.shards) && pattern.shards >= 1 && pattern.shards <= MAX_SHARDS)) {
      report(
        'model.invalidShards',
        `${path}.shards`,
        `shards must be a whole number from 1 (no sharding) to ${String(MAX_SHARDS)} (found ${String(pattern.shards)})`,
      );
    }
    if (pattern.order) {
      if (info) resolve(info, pattern.order.attribute, `${path}.order.attribute`);
      const direction: string = pattern.order.direction;
      if (direction !== 'asc' && direction !== 'desc') {
        report('model.unknownDirection', `${path}.order.direction`, `order direction must be asc or desc, not ${quoteName(direction)}`);
      }
    }
    (pattern.include ?? []).forEach((name, j) => {
      const includePath = `${path}.include[${j}]`;
      const child = resolveEntity(name, includePath);
      if (!child || !info || listUncertain(`${entityPath(child.index)}.belongsTo`)) return;
      // A relation to an unknown entity may be this one misspelt: that is reported already.
      const relations = child.entity.belongsTo;
      if (!relations.some((relation) => relation.entity === pattern.entity) && relations.every((relation) => entities.has(relation.entity))) {
        report(
          'model.includeNotChild',
          includePath,
          `${includeWord}: ${name} does not belong to ${pattern.entity} (add belongsTo ${pattern.entity} to ${name})`,
        );
      }
    });
    noDuplicates(pattern.include ?? [], `${path}.include`, 'model.duplicateInclude', includeWord);
    const returns: string = pattern.returns;
    if (returns !== 'one' && returns !== 'many') {
      report('model.unknownReturns', `${path}.returns`, `returns must be one or many, not ${quoteName(returns)}`);
    }
  });

  /**
   * Fixed attributes (FORMAT.md `fixed`): each an attribute of the entity, its value of the attribute's
   * type and among its values; never also an equality parameter or the range (one condition each).
   */
  function checkFixed(pattern: Pattern, path: string, info: EntityInfo | undefined) {
    for (const [name, value] of fixedEntries(pattern)) {
      const valuePath = joinPath(`${path}.fixed`, name);
      if (covered(valuePath)) continue;
      const a = quoteName(name);
      if (pattern.equals.includes(name)) {
        report('model.fixedConflict', valuePath, `${a} is fixed to ${showValue(value)} and is also a parameter (by, JSON: equals): drop it from one of them`);
      } else if (pattern.range?.attribute === name) {
        report(
          'model.fixedConflict',
          valuePath,
          `${a} is fixed to ${showValue(value)} and also has a range (where ${name} ${pattern.range.op} ?): drop one of them`,
        );
      }
      const found = info && resolve(info, name, valuePath);
      if (!info || !found || !typeKnown(info, found.index, found.attribute.type)) continue;
      const { attribute } = found;
      if (!matchesType(value, attribute.type)) {
        report('model.fixedType', valuePath, `${a} is fixed to ${showValue(value)}, which is not a ${attribute.type}${TYPE_HINT[attribute.type]}`);
      } else if (
        attribute.values !== undefined &&
        !covered(`${entityPath(info.index)}.attributes[${found.index}].values`) &&
        !attribute.values.some((v) => v === value)
      ) {
        report(
          'model.fixedNotAValue',
          valuePath,
          `${a} is fixed to ${showValue(value)}, which is not one of its values (${attribute.values.map(showValue).join(', ')}): no record has it`,
        );
      } else if (typeof value === 'number') {
        const problem = numberProblem(value);
        if (problem !== undefined) report('model.numberRange', valuePath, problem);
      }
    }
  }

  return out;
}

const RANGE_WORDS: Record<RangeOp, string> = {
  '=': 'equals it',
  '<': 'is less than it',
  '<=': 'is at most it',
  '>': 'is greater than it',
  '>=': 'is at least it',
  between: 'is between low and high',
  begins_with: 'starts with it',
};

/**
 * A range on an equality attribute: the pattern has one parameter under that name
 * and it takes the range's value (patternParameters), so the answer
 * (answerPattern, FORMAT.md) is the records whose attribute equals that value and
 * also satisfies the range against it.
 */
function rangeOnEqualityMessage(attribute: string, op: RangeOp, equals: readonly string[]): string {
  const a = quoteName(attribute);
  const others = equals.filter((name) => name !== attribute);
  const given = others.length > 0 ? ` with the given ${listed(others)}` : '';
  if (op === 'between') {
    // Plainly first: nothing is ever found (buildRequest sends no request), then why, then the likely intent.
    return `the answer is always empty: ${a} is both an equality attribute and the between range, so its one parameter is a [low, high] pair and no record's ${a} equals a pair (no request is sent); you probably meant the records${given} whose ${a} is between low and high: drop ${a} from by (JSON: equals)`;
  }
  const shape = op === 'begins_with' ? 'begins_with: a prefix' : `${op}: one value`;
  let answer: string;
  switch (op) {
    case '<':
    case '>':
      answer = `no ${a} both equals it and ${RANGE_WORDS[op]}: the answer is always empty`;
      break;
    case 'begins_with':
      answer = `the answer is only the records whose ${a} is exactly the prefix`;
      break;
    case '=':
      answer = `the range repeats the equality: the answer is the records whose ${a} equals it`;
      break;
    default:
      answer = `the range adds nothing: the answer is the records whose ${a} equals it`;
  }
  const fix =
    op === '='
      ? `drop ${a} from by (JSON: equals) or drop the range: they say the same`
      : `drop ${a} from by (JSON: equals) to get the records${given} whose ${a} ${RANGE_WORDS[op]}`;
  return `${a} is both an equality attribute and the range: its one parameter takes the range's value (${shape}), so ${answer}; ${fix}`;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}` : (names[0] ?? '');
}

const TYPE_HINT: Record<AttributeType, string> = {
  string: '',
  number: '',
  boolean: ' (true or false)',
  date: ' (YYYY-MM-DD, a real day)',
  datetime: ' (YYYY-MM-DDTHH:mm:ss.sssZ, in UTC)',
};

/** The same identity for the same set of names, whatever their order. */
function setIdentity(names: readonly string[]): string {
  return JSON.stringify([...new Set(names)].sort());
}

/** An entity's name for a message (a parser may have left it empty). */
function label(entity: Entity): string {
  return entity.name === '' ? 'this entity' : entity.name;
}

function showValue(value: Scalar): string {
  return typeof value === 'string' ? quoteName(value) : String(value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
