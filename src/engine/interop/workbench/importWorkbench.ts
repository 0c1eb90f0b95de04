// A NoSQL Workbench data model (every format version) as a Tablewright model
// and the design layout it pins: the table and its GSIs keep their names and key
// attributes; each facet (or, without facets, each value of the items' entity
// attribute, else each shape of key) becomes an entity; its attributes and types
// come from the declarations and the sample items, its key templates from the
// facet's key aliases and the sample keys (`USER#123` → `USER#{userId}`), and
// the sample items become its sample records. The file holds no access
// patterns, so the import proposes those the keys serve (proposePatterns).
// Every file imports or is refused with a located reason; everything an
// imported model could not map exactly is reported with its place (JSON path,
// line and column): a value the model cannot hold, a renamed attribute, a key
// the template reproduces only in part (checked item by item through toItem).
import { internalDiagnostic, type Diagnostic, type SourceMap } from '../../model/diagnostics.ts';
import { locatePath } from '../../model/locatePath.ts';
import { matchesType } from '../../model/matchesType.ts';
import { quoteName } from '../../model/modelDiagnostic.ts';
import { tableNameProblem } from '../../model/tableName.ts';
import { splitWords } from '../../model/splitWords.ts';
import type { Attribute, AttributeType, Entity, Model, RecordValue, Scalar, TableSettings } from '../../model/types.ts';
import { validateModel } from '../../model/validateModel.ts';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { describeChange } from '../../design/describeChange.ts';
import { designLayout } from '../../design/designJson.ts';
import { toItem } from '../../design/items.ts';
import { indexNameProblem } from '../../design/parseDesignJson.ts';
import { tableNameOf } from '../../design/tableNameOf.ts';
import { keyTemplateText } from '../../design/templateText.ts';
import type { Design, DesignLayout, EntityDesign, IndexLayout, KeyTemplate, Segment } from '../../design/types.ts';
import { encodeKeyValue } from '../../keys/encodeKeyValue.ts';
import { readDesignNote, withoutDesignNote } from './designNote.ts';
import { dynamoValue } from './dynamoValue.ts';
import { detectEntityAttribute, groupItems, valueText, type DecodedItem, type EntityGroup } from './groupItems.ts';
import { inferTemplate, literalAllowed, type DerivedAttribute, type InferredSegment, type TextAttribute } from './inferTemplate.ts';
import { proposePatterns } from './proposePatterns.ts';
import { readWorkbenchFile, type WorkbenchAttribute, type WorkbenchFile, type WorkbenchTable } from './readWorkbenchFile.ts';
import { workbenchDiagnostic, type WorkbenchDiagnosticCode } from './workbenchDiagnostic.ts';
import { attributeNameOf, camelName, isRoleKeyName, uniqueName } from './workbenchNames.ts';

export interface WorkbenchImportOptions {
  /** The table to import from a model with several (by its TableName); the first by default. */
  table?: string;
}

/** The sample records of one entity, from the file's items. */
export interface WorkbenchSamples {
  entity: string;
  records: RecordValue[];
}

export interface WorkbenchImported {
  ok: true;
  /** The model: entities, the table's settings and the proposed patterns. It passes validateModel. */
  model: Model;
  /** The pinned layout: `deriveDesign(model, { previous: layout })` keeps it as it is. */
  layout: DesignLayout;
  /** The file's sample items as records of the model, per entity (the items it could map). */
  samples: WorkbenchSamples[];
  /** Names of the patterns the import proposed (all of `model.patterns`): the user accepts or edits them. */
  proposed: string[];
  /** What could not be mapped exactly, each at its place in the file (warnings). */
  diagnostics: Diagnostic[];
  /** The file's format version (undefined: a file without one). */
  version: string | undefined;
  /** The table imported (TableName) and the file's tables. */
  table: string;
  tables: string[];
}

export interface WorkbenchRefused {
  ok: false;
  /** Why, at its place (at least one error); the warnings found before. */
  diagnostics: Diagnostic[];
}

export type WorkbenchImport = WorkbenchImported | WorkbenchRefused;

/** A declared (non-key) attribute of an entity: its model name, type and value per item. */
interface DataAttribute extends TextAttribute {
  /** The attribute's name in the file. */
  source: string;
  type: AttributeType;
  values: Map<number, Scalar>;
}

export function importWorkbench(text: string, options: WorkbenchImportOptions = {}): WorkbenchImport {
  const read = readWorkbenchFile(text);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const { file, sourceMap } = read;
  if (!file) return { ok: false, diagnostics };
  const at = (path: string) => ({ path, span: locatePath(sourceMap, path) });
  const report = (code: WorkbenchDiagnosticCode, message: string, path: string, subject?: Diagnostic['subject']) =>
    diagnostics.push(workbenchDiagnostic(code, message, { ...at(path), subject }));

  const position = options.table === undefined ? 0 : file.tables.findIndex((t) => t.name === options.table);
  const table = file.tables[position];
  if (!table) {
    diagnostics.push(
      workbenchDiagnostic(
        'interop.workbenchNoTable',
        `the model has no table ${quoteName(options.table ?? '')}: its tables are ${file.tables.map((t) => quoteName(t.name)).join(', ')}`,
        at('DataModel'),
        'error',
      ),
    );
    return { ok: false, diagnostics };
  }
  if (table.errors.length > 0) return { ok: false, diagnostics: [...diagnostics, ...table.errors] };
  file.tables.forEach((other, i) => {
    if (i === position) return;
    report(
      'interop.workbenchOtherTable',
      `table ${quoteName(other.name || `#${String(i + 1)}`)} is not imported: Tablewright designs one table at a time (import it on its own: --table ${other.name || '?'})`,
      other.path,
    );
  });

  try {
    return importTable(file, table, sourceMap, diagnostics, report);
  } catch (error) {
    diagnostics.push(internalDiagnostic('importing the NoSQL Workbench model', error));
    return { ok: false, diagnostics };
  }
}

type Report = (code: WorkbenchDiagnosticCode, message: string, path: string, subject?: Diagnostic['subject']) => void;

function importTable(file: WorkbenchFile, table: WorkbenchTable, sourceMap: SourceMap, diagnostics: Diagnostic[], report: Report): WorkbenchImport {
  // Sample values, read once; values that are not DynamoDB JSON reported per attribute (the first place, and how many).
  const malformed = new Map<string, { path: string; why: string; count: number }>();
  const items: DecodedItem[] = table.items.map((item, index) => {
    const values = new Map(
      [...item.values].map(([name, v]) => {
        const value = dynamoValue(v.node);
        const why = value.kind === 'malformed' ? value.why : value.kind === 'document' ? value.malformed : undefined;
        if (why !== undefined) {
          const seen = malformed.get(name);
          if (seen) seen.count++;
          else malformed.set(name, { path: v.path, why, count: 1 });
        }
        return [name, { value, path: v.path }] as const;
      }),
    );
    return { index, source: item, values };
  });
  for (const [name, m] of malformed) {
    report(
      'interop.workbenchValue',
      `${quoteName(name)}: ${m.why}${m.count > 1 ? ` (and ${String(m.count - 1)} more such value${m.count > 2 ? 's' : ''})` : ''}; the value is not kept`,
      m.path,
    );
  }

  // Key attributes keep their names; an index whose key attribute another index already uses gets one of its own.
  const allNames = new Set<string>([...table.attributes.map((a) => a.name), ...items.flatMap((i) => [...i.values.keys()])]);
  const keyAttributes = new Set<string>();
  const free = (base: string) => {
    let n = base;
    while (allNames.has(n) || keyAttributes.has(n)) n = `_${n}`;
    allNames.add(n);
    return n;
  };
  const workbenchKeys = [table.pk, ...(table.sk ? [table.sk] : []), ...table.indexes.flatMap((g) => [g.pk, ...(g.sk ? [g.sk] : [])])];
  const keyNameSet = new Set(workbenchKeys.map((k) => k.name));
  for (const k of keyNameSet) allNames.add(k);
  const claim = (key: WorkbenchAttribute, owner: string, role: 'partition' | 'sort', fallback: string): string => {
    if (key.type !== 'S')
      report(
        'interop.workbenchType',
        `${owner}'s ${role} key ${quoteName(key.name)} is ${key.type === 'N' ? 'a number (N)' : `of type ${key.type}`}: a Tablewright key attribute holds a string, with numbers encoded so they sort as numbers`,
        key.path,
      );
    if (!keyAttributes.has(key.name)) {
      keyAttributes.add(key.name);
      return key.name;
    }
    const name = free(fallback);
    keyAttributes.add(name);
    report(
      'interop.workbenchRenamed',
      `${owner}'s ${role} key is ${quoteName(key.name)}, which another index already uses: Tablewright gives every index key attributes of its own, so ${owner}'s is ${quoteName(name)} (holding the same value)`,
      key.path,
      { index: owner },
    );
    return name;
  };
  const tablePk = claim(table.pk, 'the table', 'partition', 'PK');
  let tableSk: string;
  if (table.sk) tableSk = claim(table.sk, 'the table', 'sort', 'SK');
  else {
    tableSk = free('SK');
    keyAttributes.add(tableSk);
    report(
      'interop.workbenchIndex',
      `the table has no sort key: every Tablewright table has one (so entities can share a partition), here ${quoteName(tableSk)}, holding each entity's label`,
      `${table.path}.KeyAttributes`,
    );
  }
  const indexNames = new Set(['table']);
  const gsis = table.indexes.map((g) => {
    let name = g.name;
    const problem = indexNameProblem(name);
    if (problem !== undefined || indexNames.has(name)) {
      const base = name.replace(/[^A-Za-z0-9_.-]/g, '_');
      name = uniqueName(base.length >= 3 ? base.slice(0, 255) : `GSI_${base}`, indexNames);
      report('interop.workbenchRenamed', `the index name ${quoteName(g.name)} ${problem ?? 'is taken'}: it is ${quoteName(name)}`, `${g.path}.IndexName`, {
        index: name,
      });
    }
    indexNames.add(name);
    const pkAttribute = claim(g.pk, name, 'partition', `${name}PK`);
    let skAttribute: string;
    if (g.sk) skAttribute = claim(g.sk, name, 'sort', `${name}SK`);
    else {
      skAttribute = free(`${name}SK`);
      keyAttributes.add(skAttribute);
      report(
        'interop.workbenchIndex',
        `${name} has no sort key: every Tablewright index has one, here ${quoteName(skAttribute)}, holding the entity's label`,
        `${g.path}.KeyAttributes`,
        { index: name },
      );
    }
    if (g.projection !== 'ALL') {
      report(
        'interop.workbenchIndex',
        `${name} projects ${g.projection}: Tablewright's indexes project ALL attributes (reads cost what they would with ALL)`,
        g.projectionPath,
        { index: name },
      );
    }
    return { source: g, name, pkAttribute, skAttribute };
  });

  const emptyKeys = new Map<string, string>();
  // Tablewright's own exports carry every template in the Description (designNote.ts).
  const note = readDesignNote(file.description);
  // An item without a partition key value is no item DynamoDB could store: it belongs to no entity.
  const keyless = items.filter((item) => keyText(item, table.pk.name) === undefined);
  if (keyless[0]) {
    report(
      'interop.workbenchItem',
      `an item without a value for the partition key ${quoteName(table.pk.name)} is not a sample record: DynamoDB stores no item without its key${keyless.length > 1 ? ` (and ${String(keyless.length - 1)} more item${keyless.length > 2 ? 's' : ''} alike)` : ''}`,
      keyless[0].source.path,
    );
  }
  const keylessSet = new Set(keyless);
  const keyed = items.filter((item) => !keylessSet.has(item));
  const detected = detectEntityAttribute(table, keyed);
  const groups = groupItems(table, keyed, detected);
  // Names the file gives entities that the model writes otherwise: facet names each, the entity attribute's values together.
  const renamed = groups.filter((g) => g.name !== g.origin.text && g.origin.named);
  for (const g of renamed.filter((x) => x.facet && detected === undefined)) {
    report(
      'interop.workbenchRenamed',
      `the facet ${quoteName(g.origin.text)} is the entity ${g.name} (entity names are PascalCase identifiers)`,
      g.origin.path,
      { entity: g.name },
    );
  }
  const first = detected !== undefined ? renamed[0] : undefined;
  if (first && detected !== undefined) {
    report(
      'interop.workbenchRenamed',
      `the items' ${quoteName(detected)} names their entity, which the model writes as a PascalCase identifier, and so do the items it makes: ${renamed.map((g) => `${quoteName(g.origin.text)} → ${g.name}`).join(', ')}`,
      first.origin.path,
    );
  }

  // One entity per group: attributes, templates, records.
  const labels = new Set<string>();
  const reportedNames = new Set<string>();
  const built = groups.map((group) => buildEntity(group));
  const entities = built.map((b) => b.entity);
  for (const [name, path] of emptyKeys) {
    report(
      'interop.workbenchValue',
      `items hold an empty string in the key attribute ${quoteName(name)}: DynamoDB refuses an empty key value (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html), so such an item is read as not in that index`,
      path,
    );
  }

  let entityAttribute = detected;
  if (entityAttribute === undefined) {
    const modelNames = new Set(entities.flatMap((e) => e.attributes.map((a) => a.name)));
    entityAttribute = '_type';
    while (modelNames.has(entityAttribute) || keyAttributes.has(entityAttribute) || allNames.has(entityAttribute)) entityAttribute = `_${entityAttribute}`;
  }

  const settings = tableSettings();
  const model: Model = {
    name: file.modelName.trim() || table.name,
    source: sourceText(file, table),
    ...(settings ? { table: settings } : {}),
    entities,
    patterns: [],
  };
  const indexes: IndexLayout[] = [
    { name: 'table', kind: 'table', pkAttribute: tablePk, skAttribute: tableSk, projection: 'ALL' },
    ...gsis.map((g): IndexLayout => ({ name: g.name, kind: 'gsi', pkAttribute: g.pkAttribute, skAttribute: g.skAttribute, projection: 'ALL' })),
  ];
  for (const g of gsis) {
    if (!built.some((b) => b.design.keys[g.name] !== undefined))
      report(
        'interop.workbenchLayout',
        `no sample item and no facet puts an entity in ${g.name}: it keys nothing, so the design has no such index`,
        g.source.path,
        { index: g.name },
      );
  }
  const layout: DesignLayout = {
    tableName: settings?.name ?? tableNameOf(model.name),
    entityAttribute,
    indexes: indexes.filter((i) => i.kind === 'table' || built.some((b) => b.design.keys[i.name] !== undefined)),
    entities: built.map((b) => b.design),
  };
  const proposals = proposePatterns(model, layout, new Map(built.map((b) => [b.entity.name, b.records])));
  model.patterns = proposals.patterns;
  for (const e of model.entities) e.belongsTo.push(...(proposals.relations.get(e.name) ?? []));
  for (const u of proposals.unread) {
    const g = gsis.find((x) => x.name === u.index);
    report(
      'interop.workbenchLayout',
      `${u.entity}'s key in ${u.index} serves no read the table or an earlier index does not serve first: a design derived from this model drops it`,
      g?.source.path ?? table.path,
      { entity: u.entity, index: u.index },
    );
  }

  const problems = validateModel(model).filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    diagnostics.push(
      internalDiagnostic(
        'importing the NoSQL Workbench model',
        new Error(`the model it made does not load: ${problems.map((d) => `${d.path ?? ''}: ${d.message}`).join('; ')}`),
      ),
    );
    return { ok: false, diagnostics };
  }
  // What a derivation keeps of the layout is the pinned design (a GSI template no pattern reads goes).
  const design = deriveDesign(model, { previous: layout, ...(layout.tableName ? { tableName: layout.tableName } : {}) });
  for (const change of design.changes ?? []) {
    const g = gsis.find((x) => x.name === change.index);
    report('interop.workbenchLayout', `the derived design differs from the file: ${describeChange(change)}`, g?.source.path ?? table.path, {
      ...(change.index ? { index: change.index } : {}),
      ...(change.entity ? { entity: change.entity } : {}),
    });
  }
  const errors = design.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    diagnostics.push(internalDiagnostic('importing the NoSQL Workbench model', new Error(`its design has errors: ${errors.map((d) => d.message).join('; ')}`)));
    return { ok: false, diagnostics };
  }
  verifyKeys(design);

  return {
    ok: true,
    model,
    layout: designLayout(design),
    samples: built.map((b) => ({ entity: b.entity.name, records: b.records })),
    proposed: model.patterns.map((p) => p.name),
    diagnostics,
    version: file.version,
    table: table.name,
    tables: file.tables.map((t) => t.name),
  };

  function tableSettings(): TableSettings | undefined {
    const s: TableSettings = {};
    const problem = tableNameProblem(table.name);
    if (problem === undefined) s.name = table.name;
    else
      report(
        'interop.workbenchRenamed',
        `the table name ${quoteName(table.name)} ${problem}: the design names the table after the model`,
        `${table.path}.TableName`,
      );
    if (table.billing) {
      if (table.billing.mode === 'PAY_PER_REQUEST') s.billing = 'on-demand';
      else if (table.billing.mode === 'PROVISIONED') {
        s.billing = 'provisioned';
        s.read = table.billing.read ?? 5;
        s.write = table.billing.write ?? 5;
      } else
        report(
          'interop.workbenchIgnored',
          `BillingMode ${quoteName(table.billing.mode)} is neither PROVISIONED nor PAY_PER_REQUEST: not imported`,
          table.billing.path,
        );
    }
    return Object.keys(s).length > 0 ? s : undefined;
  }

  function buildEntity(group: EntityGroup) {
    const subject = { entity: group.name };
    const n = group.items.length;
    const declared = new Map(table.attributes.map((a) => [a.name, a]));
    // The entity's attributes: its facet's, else those its items hold (declared ones first), else every declared one.
    const names: string[] = [];
    const add = (name: string) => {
      if (!names.includes(name) && !keyNameSet.has(name) && name !== detected) names.push(name);
    };
    if (group.facet) group.facet.attributes.forEach(add);
    if (n > 0) {
      for (const a of table.attributes) if (group.items.some((i) => i.values.has(a.name))) add(a.name);
      for (const item of group.items) for (const name of item.values.keys()) add(name);
    } else if (!group.facet) table.attributes.forEach((a) => add(a.name));

    const taken = new Set<string>([...keyAttributes, ...keyNameSet, ...(detected ? [detected] : [])]);
    const data: DataAttribute[] = [];
    for (const name of names) {
      const decl = declared.get(name);
      const typeCode = decl?.type ?? valueTypeOf(group.items, name);
      const where = decl?.path ?? group.items.find((i) => i.values.has(name))?.values.get(name)?.path ?? group.origin.path;
      const type = modelType(typeCode);
      if (type === undefined) {
        reportOnce(
          `doc:${name}`,
          'interop.workbenchDocument',
          `${quoteName(name)} is ${typeDescription(typeCode)}: the model holds scalar attributes (string, number, boolean, date), so its values are not kept`,
          where,
        );
        continue;
      }
      if (typeCode === 'B')
        reportOnce(`bin:${name}`, 'interop.workbenchType', `${quoteName(name)} is binary (B): the model keeps its base64 text as a string`, where);
      const modelName = uniqueName(attributeNameOf(name, 'attribute'), taken);
      if (modelName !== name)
        reportOnce(
          `name:${name}`,
          'interop.workbenchRenamed',
          `the attribute ${quoteName(name)} is ${quoteName(modelName)} (attribute names are identifiers, one per entity)`,
          where,
        );
      const values = new Map<number, Scalar>();
      const texts = new Map<number, string>();
      const encoded = new Map<number, string>();
      let wrong: string | undefined;
      group.items.forEach((item, k) => {
        const v = item.values.get(name)?.value;
        if (v?.kind !== 'scalar') return;
        if (modelType(v.type) !== modelType(typeCode) && !(typeCode === 'B' && v.type === 'S')) {
          wrong ??= item.values.get(name)?.path;
          return;
        }
        values.set(k, v.value);
        texts.set(k, v.text);
        encoded.set(k, encodeKeyValue(type, v.value, name));
      });
      if (wrong !== undefined)
        report(
          'interop.workbenchValue',
          `${quoteName(name)} is declared ${typeCode}, but some items hold another type there: those values are not kept`,
          wrong,
          subject,
        );
      data.push({ name: modelName, source: name, type: refineType(type, values), values, texts, encoded });
    }

    // Key templates: keys that are declared attributes of the items first (they name their attribute best), then the table's, then the other GSIs'.
    const derived: DerivedAttribute[] = [];
    const keysOf = (key: WorkbenchAttribute) => {
      const values = new Map<number, string>();
      group.items.forEach((item, k) => {
        const t = valueText(item, key.name);
        // DynamoDB refuses an empty string as a key value: such an item is read as not in that index.
        if (t === '') emptyKeys.set(key.name, emptyKeys.get(key.name) ?? item.values.get(key.name)?.path ?? item.source.path);
        else if (t !== undefined) values.set(k, t);
      });
      return values;
    };
    const wholeName = (key: WorkbenchAttribute, tablePartition: boolean) => {
      if (isRoleKeyName(key.name)) {
        const own = `${camelName(group.name)}Id`;
        if (tablePartition && !taken.has(own)) return own;
      }
      const c = camelName(key.name) || 'key';
      return c === key.name || keyNameSet.has(c) ? `${c}Value` : c;
    };
    const templates = new Map<string, { segments: InferredSegment[]; unfit: number[]; values: Map<number, string> }>();
    const dataKey = (key: WorkbenchAttribute | undefined) => key !== undefined && declared.has(key.name) && !isRoleKeyName(key.name);
    const infer = (id: string, key: WorkbenchAttribute, alias: string | undefined, tablePartition: boolean) => {
      const values = keysOf(key);
      const result = inferTemplate({
        keyId: id,
        keyName: key.name,
        plain: dataKey(key),
        values,
        alias,
        data,
        derived,
        taken,
        wholeName: wholeName(key, tablePartition),
      });
      templates.set(id, { ...result, values });
      const [only] = result.segments;
      if (result.segments.length === 1 && only?.kind === 'attribute' && !isRoleKeyName(key.name) && only.name !== key.name) {
        reportOnce(
          `whole:${key.name}:${only.name}`,
          'interop.workbenchRenamed',
          `the key attribute ${quoteName(key.name)} is an attribute of ${group.name}'s own: Tablewright keeps key attributes apart from the record's, so the record holds it as ${quoteName(only.name)} (and ${quoteName(key.name)} the key made of it)`,
          key.path,
        );
      }
    };
    // An entity is in a GSI when its items hold the GSI's key; without items, when its facet lists the key (or it is the table's only entity).
    const noted = note?.get(group.name);
    const notedTemplate = (index: string) => noted?.templates.get(index);
    const gsiHasValues = (g: (typeof gsis)[number]) =>
      notedTemplate(g.source.name) !== undefined ||
      (n > 0
        ? group.items.some((i) => keyText(i, g.source.pk.name) !== undefined)
        : group.facet
          ? group.facet.attributes.includes(g.source.pk.name)
          : groups.length === 1);
    for (const g of gsis) {
      if (!gsiHasValues(g)) continue;
      if (dataKey(g.source.pk)) infer(`${g.name}.pk`, g.source.pk, notedTemplate(g.source.name)?.pk, false);
      if (g.source.sk && dataKey(g.source.sk)) infer(`${g.name}.sk`, g.source.sk, notedTemplate(g.source.name)?.sk, false);
    }
    infer('table.pk', table.pk, group.facet?.pkAlias ?? notedTemplate('table')?.pk, true);
    if (table.sk) infer('table.sk', table.sk, group.facet?.skAlias ?? notedTemplate('table')?.sk, false);
    for (const g of gsis) {
      if (!gsiHasValues(g)) continue;
      if (!templates.has(`${g.name}.pk`)) infer(`${g.name}.pk`, g.source.pk, notedTemplate(g.source.name)?.pk, false);
      if (g.source.sk && !templates.has(`${g.name}.sk`)) infer(`${g.name}.sk`, g.source.sk, notedTemplate(g.source.name)?.sk, false);
    }

    // Records: the items whose table key fits the templates.
    const tpk = templates.get('table.pk');
    const tsk = templates.get('table.sk');
    const skipped = new Map<string, { path: string; count: number }>();
    const skip = (why: string, path: string) => {
      const s = skipped.get(why);
      if (s) s.count++;
      else skipped.set(why, { path, count: 1 });
    };
    const kept: number[] = [];
    const unfitPk = new Set(tpk?.unfit);
    const unfitSk = new Set(tsk?.unfit);
    group.items.forEach((item, k) => {
      if (!tpk?.values.has(k)) return skip(`it has no value for the partition key ${quoteName(table.pk.name)}`, item.source.path);
      if (table.sk && !tsk?.values.has(k)) return skip(`it has no value for the sort key ${quoteName(table.sk.name)}`, item.source.path);
      if (unfitPk.has(k))
        return skip(
          `its partition key ${quoteName(tpk.values.get(k) ?? '')} does not have the shape of ${group.name}'s (${segmentsText(tpk.segments)})`,
          `${item.source.path}.${table.pk.name}`,
        );
      if (unfitSk.has(k))
        return skip(
          `its sort key ${quoteName(tsk?.values.get(k) ?? '')} does not have the shape of ${group.name}'s (${segmentsText(tsk?.segments ?? [])})`,
          `${item.source.path}.${table.sk?.name ?? ''}`,
        );
      kept.push(k);
    });
    for (const [why, s] of skipped) {
      report(
        'interop.workbenchItem',
        `a ${group.name} item is not a sample record: ${why}${s.count > 1 ? ` (and ${String(s.count - 1)} more item${s.count > 2 ? 's' : ''} alike)` : ''}`,
        s.path,
        subject,
      );
    }

    // The table template: a key of at least one attribute; a sort key that starts with a label.
    let pkSegments: Segment[] = (tpk?.segments ?? []).map(toSegment);
    let skSegments: Segment[] = (tsk?.segments ?? []).map(toSegment);
    if (!pkSegments.some((s) => s.kind === 'attribute') && !skSegments.some((s) => s.kind === 'attribute')) {
      const lastLiteral = [...pkSegments].reverse().find((s) => s.kind === 'literal');
      const constant = lastLiteral?.kind === 'literal' ? lastLiteral.text : '';
      const name = uniqueName(wholeName(table.pk, true), taken);
      derived.push({ name, texts: new Map(kept.map((k) => [k, constant])) });
      pkSegments = pkSegments.length > 0 ? [...pkSegments.slice(0, -1), { kind: 'attribute', name }] : [{ kind: 'attribute', name }];
      report(
        'interop.workbenchKey',
        `${group.name}'s table key is fixed text (${quoteName(constant)}) with no attribute in it, but a record needs a key: its partition key's text becomes the attribute ${quoteName(name)}`,
        `${table.path}.KeyAttributes.PartitionKey`,
        subject,
      );
    }
    if (pkSegments.length === 0) pkSegments = [{ kind: 'attribute', name: uniqueName(wholeName(table.pk, true), taken) }];
    const label = labelFor(group.name, skSegments, noted?.label);
    if (skSegments[0]?.kind !== 'literal' || skSegments[0].text === '') {
      if (table.sk && skSegments.length > 0) {
        report(
          'interop.workbenchKey',
          `${group.name}'s sort key ${segmentsText(tsk?.segments ?? [])} starts with a value, but Tablewright starts every sort key with the entity's label (so entities share partitions safely): it is ${label}#${segmentsText(tsk?.segments ?? [])}`,
          table.sk.path,
          subject,
        );
      }
      skSegments = [{ kind: 'literal', text: label }, ...skSegments.filter((s, i) => !(i === 0 && s.kind === 'literal' && s.text === ''))];
    }
    const keys: Record<string, KeyTemplate> = { table: { pk: pkSegments, sk: skSegments } };
    for (const g of gsis) {
      const gpk = templates.get(`${g.name}.pk`);
      if (!gpk) continue;
      const gsk = templates.get(`${g.name}.sk`);
      let sk: Segment[] = (gsk?.segments ?? []).map(toSegment);
      if (sk[0]?.kind !== 'literal' || sk[0].text === '') {
        if (g.source.sk && sk.length > 0)
          report(
            'interop.workbenchKey',
            `${group.name}'s sort key in ${g.name} (${segmentsText(gsk?.segments ?? [])}) starts with a value: Tablewright starts it with the entity's label, ${label}`,
            g.source.sk.path,
            { entity: group.name, index: g.name },
          );
        sk = [{ kind: 'literal', text: label }, ...sk.filter((s, i) => !(i === 0 && s.kind === 'literal' && s.text === ''))];
      }
      const pk = gpk.segments.map(toSegment);
      keys[g.name] = { pk: pk.length > 0 ? pk : [{ kind: 'literal', text: label }], sk };
    }

    // Attributes: the key's first (in template order), then the declared ones; optional where a kept record lacks one.
    const tableAttributes = [...new Set([...pkSegments, ...skSegments].flatMap((s) => (s.kind === 'attribute' ? [s.name] : [])))];
    const records: RecordValue[] = kept.map(() => ({}));
    const attributes: Attribute[] = [];
    const known = new Map<string, DataAttribute>(data.map((d) => [d.name, d]));
    const used = new Set(Object.values(keys).flatMap((t) => [...t.pk, ...t.sk].flatMap((s) => (s.kind === 'attribute' ? [s.name] : []))));
    const ordered = [...tableAttributes, ...[...used].filter((a) => !tableAttributes.includes(a)), ...data.map((d) => d.name).filter((a) => !used.has(a))];
    for (const name of ordered) {
      const d = known.get(name);
      const values = new Map<number, Scalar>();
      let type: AttributeType;
      if (d) {
        type = d.type;
        for (const [k, v] of d.values) values.set(k, v);
      } else {
        const texts = derived.find((x) => x.name === name)?.texts ?? new Map<number, string>();
        for (const [k, t] of texts) values.set(k, t);
        type = refineType('string', values);
      }
      kept.forEach((k, r) => {
        const v = values.get(k);
        const record = records[r];
        if (v !== undefined && record && matchesType(v, type))
          Object.defineProperty(record, name, { value: v, enumerable: true, writable: true, configurable: true });
      });
      const lacking = records.some((r) => !Object.hasOwn(r, name));
      const attribute: Attribute = { name, type };
      if (lacking && !tableAttributes.includes(name) && kept.length > 0) attribute.optional = true;
      attributes.push(attribute);
    }
    // The key the note states, where the table template holds it; else every attribute of the table template.
    const key = noted?.key !== undefined && noted.key.length > 0 && noted.key.every((k) => tableAttributes.includes(k)) ? noted.key : tableAttributes;
    const entity: Entity = { name: group.name, attributes, key, belongsTo: [] };
    if (table.ttl) {
      const ttl = attributes.find((a) => known.get(a.name)?.source === table.ttl?.name);
      if (ttl?.type === 'number' && !key.includes(ttl.name)) entity.ttl = ttl.name;
    }
    const design: EntityDesign = { entity: group.name, label, keys };
    return { entity, design, records, group, kept };

    function reportOnce(id: string, code: WorkbenchDiagnosticCode, message: string, path: string) {
      if (reportedNames.has(id)) return;
      reportedNames.add(id);
      report(code, message, path);
    }
  }

  /** The entity's label: the note's, else its sort key's first fixed text when that is free, else its name in upper case. */
  function labelFor(entity: string, sk: Segment[], stated: string | undefined): string {
    if (stated !== undefined && literalAllowed(stated) && !labels.has(stated)) {
      labels.add(stated);
      return stated;
    }
    const first = sk[0];
    if (first?.kind === 'literal' && first.text !== '' && !labels.has(first.text)) {
      labels.add(first.text);
      return first.text;
    }
    return uniqueName(splitWords(entity).join('_').toUpperCase() || 'ENTITY', labels);
  }

  /** Each kept item's keys, made again by the design from its record, against the file's: every difference reported. */
  function verifyKeys(design: Design) {
    const sources = new Map<string, { pk: string; sk?: string | undefined }>([['table', { pk: table.pk.name, sk: table.sk?.name }]]);
    for (const g of gsis) sources.set(g.name, { pk: g.source.pk.name, sk: g.source.sk?.name });
    const layoutIndexes = new Map(design.indexes.map((i) => [i.name, i]));
    for (const b of built) {
      const differ = new Map<string, { path: string; was: string; now: string; count: number }>();
      b.kept.forEach((k, r) => {
        const item = b.group.items[k];
        const record = b.records[r];
        if (!item || !record) return;
        let made: Record<string, unknown>;
        try {
          made = toItem(design, b.entity.name, record);
        } catch {
          made = {};
        }
        for (const [index, names] of sources) {
          const i = layoutIndexes.get(index);
          if (!i || i.keys === 'native') continue;
          const pairs: [string | undefined, string][] = [
            [names.pk, i.pkAttribute],
            [names.sk, i.skAttribute],
          ];
          for (const [source, attribute] of pairs) {
            if (source === undefined) continue;
            const was = keyText(item, source);
            const now = made[attribute];
            const nowText = typeof now === 'string' ? now : undefined;
            if (was === nowText) continue;
            const id = `${index}\u0000${source}`;
            const d = differ.get(id);
            if (d) d.count++;
            else differ.set(id, { path: `${item.source.path}.${source}`, was: was ?? '(none)', now: nowText ?? '(none)', count: 1 });
          }
        }
      });
      for (const [id, d] of differ) {
        const [index = '', source = ''] = id.split('\u0000');
        const t = b.design.keys[index];
        report(
          'interop.workbenchKey',
          `${b.entity.name}'s ${quoteName(source)}${index === 'table' ? '' : ` (${index})`} is made as ${t ? keyTemplateText(source === sources.get(index)?.pk ? t.pk : t.sk) : 'nothing (no key in this index)'}, which gives ${String(d.count)} of ${String(b.kept.length)} items another value than the file: ${quoteName(d.was)} becomes ${quoteName(d.now)}${d.count > 1 ? ' (first such item here)' : ''}`,
          d.path,
          { entity: b.entity.name, index },
        );
      }
    }
  }
}

/** A key value of an item: its text, none for an empty string (DynamoDB refuses an empty key value: the item is in no index keyed on it). */
function keyText(item: DecodedItem, name: string): string | undefined {
  const t = valueText(item, name);
  return t === '' ? undefined : t;
}

function toSegment(s: InferredSegment): Segment {
  if (s.kind === 'shard') return { kind: 'shard', count: s.count, of: [...s.of] };
  return s.kind === 'literal' ? { kind: 'literal', text: s.text } : { kind: 'attribute', name: s.name };
}

function segmentsText(segments: readonly InferredSegment[]): string {
  return keyTemplateText(segments.map(toSegment));
}

/** A model type for a DynamoDB type code, or undefined for documents and sets. */
function modelType(code: string): AttributeType | undefined {
  switch (code) {
    case 'S':
    case 'B':
      return 'string';
    case 'N':
      return 'number';
    case 'BOOL':
      return 'boolean';
    default:
      return undefined;
  }
}

function typeDescription(code: string): string {
  const names: Record<string, string> = {
    M: 'a map (M)',
    L: 'a list (L)',
    SS: 'a string set (SS)',
    NS: 'a number set (NS)',
    BS: 'a binary set (BS)',
    NULL: 'NULL',
  };
  return names[code] ?? code;
}

/** The type tag most of an undeclared attribute's values have. */
function valueTypeOf(items: readonly DecodedItem[], name: string): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const v = item.values.get(name)?.value;
    const code = v?.kind === 'scalar' ? v.type : v?.kind === 'document' ? v.type : v?.kind === 'null' ? 'NULL' : undefined;
    if (code !== undefined) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'S';
}

/** A string attribute whose every value is a date (or datetime) is one. */
function refineType(type: AttributeType, values: ReadonlyMap<number, Scalar>): AttributeType {
  if (type !== 'string' || values.size === 0) return type;
  const all = [...values.values()];
  if (all.every((v) => matchesType(v, 'date'))) return 'date';
  if (all.every((v) => matchesType(v, 'datetime'))) return 'datetime';
  return type;
}

function sourceText(file: WorkbenchFile, table: WorkbenchTable): string {
  const from = `NoSQL Workbench model ${JSON.stringify(file.modelName || table.name)}${file.version ? ` (format ${file.version})` : ''}, table ${JSON.stringify(table.name)}${file.author ? `, by ${file.author}` : ''}`;
  const first = withoutDesignNote(file.description)?.split(/\r?\n/)[0]?.trim();
  return first ? `${from}: ${first.length > 200 ? `${first.slice(0, 200)}…` : first}` : from;
}
