// Test data (not shipped, not exported by the engine): a design with native
// (multi-attribute) GSIs built by hand, for the generated module's tests in
// codegen/ and in src/runner. A small model is derived as ever; then its
// layout's composite GSIs for the moved patterns are dropped and native GSIs
// keyed on the items' own attributes take their place, with each entity's
// template in them, and the model is planned on that layout (planDesign plans
// on any layout). The table and Order's byCustomer GSI keep composite keys, so
// the module mixes both kinds of index; team takes two requests (a GetItem on
// the table, then a native GSI).
import { designLayout } from '../../design/designJson.ts';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { planDesign } from '../../design/planDesign.ts';
import type { Design, DesignLayout, IndexLayout, KeyTemplate, Segment } from '../../design/types.ts';
import { parseModelText } from '../../model/parseModelText.ts';
import type { Model } from '../../model/types.ts';

// `filtered` filters on customerId, which no key of GSI7 holds: DynamoDB refuses a FilterExpression on a
// key attribute of the index queried (src/runner/nativeKeysModule.dynamodb.test.ts marks the planner's
// filter on `placed` there as a known bug).
export const NATIVE_MODEL_TEXT = `model "Native Shop"
entity Customer key customerId
  customerId: string
  email: string
entity Order key orderId
  orderId: string
  customerId: string
  status: string
  total: number
  coupon?: string
  placed: date
entity Employee key employeeId belongsTo Employee via managerId
  employeeId: string
  managerId: string
  level: number
byEmail: Customer by email returns one
byCustomer: Order by customerId order by placed desc
byStatus: Order by status order by total
byStatusTotal: Order by status where total between ? and ?
byStatusMin: Order by status where total >= ? order by total desc
byStatusBelow: Order by status where total < ?
byStatusUpTo: Order by status where total <= ? order by total desc
byStatusAbove: Order by status where total > ? order by total
byStatusPlaced: Order by status, total where placed > ?
placedSpan: Order by status, total where placed between ? and ? order by placed desc
filtered: Order by status where customerId < ? order by total
byCoupon: Order by coupon order by total desc
couponPrefix: Order by status where coupon begins_with ?
get: Order by orderId returns one
team: Employee by employeeId with Employee
`;

/** Which index each pattern must be planned on, once the native GSIs are in (`table`/`composite` for the ones kept). */
const NATIVE_PLANS: Record<string, string[]> = {
  byEmail: ['table'],
  byCustomer: ['composite'],
  byStatus: ['GSI7'],
  byStatusTotal: ['GSI7'],
  byStatusMin: ['GSI7'],
  byStatusBelow: ['GSI7'],
  byStatusUpTo: ['GSI7'],
  byStatusAbove: ['GSI7'],
  byStatusPlaced: ['GSI7'],
  placedSpan: ['GSI7'],
  filtered: ['GSI7'],
  byCoupon: ['GSI8'],
  couponPrefix: ['GSI9'],
  get: ['table'],
  team: ['table', 'GSI6'],
};

const lit = (text: string): Segment => ({ kind: 'literal', text });
const at = (name: string): Segment => ({ kind: 'attribute', name });

export function nativeModel(): Model {
  const parsed = parseModelText(NATIVE_MODEL_TEXT);
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.model;
}

/** The model's derived design with native GSIs in place of the composite ones that served everything but byCustomer. */
export function nativeDesign(model: Model = nativeModel()): Design {
  const derived = deriveDesign(model);
  const layout = designLayout(derived);
  const type = derived.entityAttribute;
  const kept = new Set(derived.indexes.filter((i) => i.kind === 'table' || i.patterns.includes('byCustomer')).map((i) => i.name));
  const natives: IndexLayout[] = [
    {
      name: 'GSI6',
      kind: 'gsi',
      keys: 'native',
      pk: [
        { name: type, type: 'S' },
        { name: 'managerId', type: 'S' },
      ],
      sk: [{ name: 'level', type: 'N' }],
      projection: 'ALL',
    },
    {
      name: 'GSI7',
      kind: 'gsi',
      keys: 'native',
      pk: [
        { name: type, type: 'S' },
        { name: 'status', type: 'S' },
      ],
      sk: [
        { name: 'total', type: 'N' },
        { name: 'placed', type: 'S' },
      ],
      projection: 'ALL',
    },
    {
      name: 'GSI8',
      kind: 'gsi',
      keys: 'native',
      pk: [
        { name: type, type: 'S' },
        { name: 'coupon', type: 'S' },
      ],
      sk: [{ name: 'total', type: 'N' }],
      projection: 'ALL',
    },
    {
      name: 'GSI9',
      kind: 'gsi',
      keys: 'native',
      pk: [
        { name: type, type: 'S' },
        { name: 'status', type: 'S' },
      ],
      sk: [{ name: 'coupon', type: 'S' }],
      projection: 'ALL',
    },
  ];
  if (natives.some((n) => kept.has(n.name))) throw new Error('the derived design already has a GSI of a native one’s name');
  const templates: Record<string, Record<string, KeyTemplate>> = {
    Order: {
      GSI7: { pk: [lit('Order'), at('status')], sk: [at('total'), at('placed')] },
      GSI8: { pk: [lit('Order'), at('coupon')], sk: [at('total')] },
      GSI9: { pk: [lit('Order'), at('status')], sk: [at('coupon')] },
    },
    Employee: { GSI6: { pk: [lit('Employee'), at('managerId')], sk: [at('level')] } },
  };
  const composite = [...kept].find((name) => name !== 'table') ?? '';
  const withNative: DesignLayout = {
    ...layout,
    indexes: [...layout.indexes.filter((i) => kept.has(i.name)), ...natives],
    // Every entity keeps its table key; only Order keeps its template in the composite GSI (byCustomer's).
    entities: layout.entities.map((e) => ({
      ...e,
      keys: {
        ...Object.fromEntries(Object.entries(e.keys).filter(([name]) => name === 'table' || (name === composite && e.entity === 'Order'))),
        ...templates[e.entity],
      },
    })),
  };
  const design = planDesign(model, withNative);
  // The plans this test data is about: a layout that serves them otherwise is a broken fixture.
  for (const plan of design.patterns) {
    const expected = (NATIVE_PLANS[plan.pattern] ?? []).map((name) => (name === 'composite' ? composite : name));
    const got = plan.steps.map((s) => s.index);
    if (got.join() !== expected.join()) throw new Error(`${plan.pattern} is planned on ${got.join(', ')}, not ${expected.join(', ')}`);
  }
  const errors = design.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || design.patterns.length !== model.patterns.length)
    throw new Error(`the native design does not serve every pattern: ${errors.map((d) => d.message).join('; ')}`);
  return design;
}
