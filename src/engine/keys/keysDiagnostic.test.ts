// Every diagnostic the keys stage can emit, driven by a small model: its code
// is one of KEYS_DIAGNOSTIC_CODES and its subject names the pattern (and the
// entity, the index) it is about, so no consumer needs the message text.
import { describe, expect, it } from 'vitest';
import { deriveDesign, type DeriveOptions } from '../design/deriveDesign.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Model } from '../model/types.ts';
import { KEYS_DIAGNOSTIC_CODES, isNotServedCode, type KeysDiagnosticCode } from './keysDiagnostic.ts';
import { modelFromText } from '../../testing/exampleModels.ts';

const model = modelFromText;

const SHOP = `model "Shop"
entity User key email
  email: string
  plan: "free" | "premium"
  createdAt: datetime
entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
  createdAt: datetime
`;

/** An entity that includes itself without belonging to itself: validation refuses it, so only a model built in code reaches the keys stage with it. */
function selfIncludeWithoutRelation(): Model {
  return {
    name: 'Self',
    entities: [{ name: 'Employee', key: ['empId'], attributes: [{ name: 'empId', type: 'string' }], belongsTo: [] }],
    patterns: [{ name: 'withReports', entity: 'Employee', equals: ['empId'], include: ['Employee'], returns: 'many' }],
  };
}

/** More patterns than GSIs: each orders one entity by its own attribute. */
function tooManyIndexes(): Model {
  const attributes = Array.from({ length: 24 }, (_, i) => `a${i}`);
  return model(
    `model "Wide"\nentity Thing key id\n  id: string\n${attributes.map((a) => `  ${a}: string\n`).join('')}` +
      attributes.map((a) => `by_${a}: Thing by ${a}\n`).join(''),
  );
}

/** One model per code, with the diagnostic it must produce. */
const CASES: Record<KeysDiagnosticCode, { model: () => Model; expected: Partial<Diagnostic>; options?: DeriveOptions }> = {
  'keys.filtered': {
    model: () =>
      model(`model "Filter"
entity Reading key (sensor, seq)
  sensor: string
  seq: number
  value: number
  day: date
r: Reading by sensor where day >= ? order by value desc
`),
    expected: { severity: 'warning', path: 'patterns[0].range', subject: { pattern: 'r', entity: 'Reading' } },
  },
  'keys.shardsIgnored': {
    model: () =>
      model(`model "Shards"
entity Player key playerId
  playerId: string
  handle: string
getPlayer: Player by playerId shards 4
`),
    expected: { severity: 'warning', path: 'patterns[0].shards', subject: { pattern: 'getPlayer', entity: 'Player' } },
  },
  'keys.multipleRequests': {
    model: () =>
      model(`model "Org"
entity Employee key empId belongsTo Employee via managerId
  empId: string
  managerId: string
withReports: Employee by empId with Employee
`),
    expected: { severity: 'warning', path: 'patterns[0].include', subject: { pattern: 'withReports', entity: 'Employee' } },
  },
  'keys.firstRelation': {
    model: () =>
      model(`model "Follows"
entity User key id
  id: string
entity Follow key (from, to) belongsTo User via from, User via to
  from: string
  to: string
withFollows: User by id with Follow
`),
    expected: { severity: 'warning', path: 'patterns[0].include', subject: { pattern: 'withFollows', entity: 'User' } },
  },
  'keys.hotPartition': {
    model: () => model(`${SHOP}getUser: User by email returns one\nbyPlan: User by plan\n`),
    expected: { severity: 'warning', path: 'patterns[1]', subject: { pattern: 'byPlan', entity: 'User', index: 'GSI1' } },
  },
  'keys.compositeKey': {
    model: () => model(`model "Flags"\nentity Task key id\n  id: string\n  done: boolean\ngetTask: Task by id returns one\nbyDone: Task by done\n`),
    options: { keys: 'native' },
    expected: { severity: 'warning', path: 'patterns[1]', subject: { pattern: 'byDone', entity: 'Task', index: 'GSI1' } },
  },
  'keys.includeOrphans': {
    model: () =>
      model(`model "Tenants"
entity Account key (tenant, id)
  tenant: string
  id: string
entity Invoice key invoiceNo belongsTo Account via (tenant, accountId)
  invoiceNo: number
  tenant: string
  accountId: string
tenantAccounts: Account by tenant with Invoice
`),
    expected: { severity: 'warning', path: 'patterns[0].equals', subject: { pattern: 'tenantAccounts', entity: 'Account' } },
  },
  'keys.includeWithRange': {
    model: () => model(`${SHOP}withRange: User by email with Order where createdAt >= ?\n`),
    expected: { severity: 'error', path: 'patterns[0].range', subject: { pattern: 'withRange', entity: 'User' } },
  },
  'keys.includeNeedsKey': {
    model: () => model(`${SHOP}byPlan: User by plan with Order\n`),
    expected: { severity: 'error', path: 'patterns[0].equals', subject: { pattern: 'byPlan', entity: 'User' } },
  },
  'keys.includeSelfNotChild': {
    model: selfIncludeWithoutRelation,
    expected: { severity: 'error', path: 'patterns[0].include', subject: { pattern: 'withReports', entity: 'Employee' } },
  },
  'keys.includeWithFixed': {
    model: () => model(`${SHOP}openWith: User by email where plan = "free" with Order\n`),
    expected: { severity: 'error', path: 'patterns[0].fixed', subject: { pattern: 'openWith', entity: 'User' } },
  },
  'keys.includeWithLimit': {
    model: () => model(`${SHOP}firstWith: User by email order by createdAt desc limit 1 with Order\n`),
    expected: { severity: 'error', path: 'patterns[0].limit', subject: { pattern: 'firstWith', entity: 'User' } },
  },
  'keys.limitWithFilter': {
    model: () => model(`${SHOP}latestSince: Order by userEmail where orderId >= ? order by createdAt desc limit 3\n`),
    expected: { severity: 'error', path: 'patterns[0].limit', subject: { pattern: 'latestSince', entity: 'Order' } },
  },
  'keys.tooManyIndexes': {
    model: tooManyIndexes,
    // About the whole design: no pattern, entity or index is to blame.
    expected: { severity: 'error', subject: {} },
  },
};

describe('keys diagnostics', () => {
  it.each(KEYS_DIAGNOSTIC_CODES.map((code) => [code]))('%s: is reached by a model, with its subject', (code) => {
    const { model: build, expected, options } = CASES[code];
    const design = deriveDesign(build(), options ?? {});
    const found = design.diagnostics.filter((d) => d.code === code);
    expect(found.length, JSON.stringify(design.diagnostics)).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ code, ...expected });
    expect(found[0]?.subject).toEqual(expected.subject);
  });

  it('every diagnostic of these models has a keys code and a subject (naming the pattern when it points into one)', () => {
    const codes = new Set<string>(KEYS_DIAGNOSTIC_CODES);
    for (const { model: build } of Object.values(CASES)) {
      for (const d of deriveDesign(build()).diagnostics) {
        expect(codes.has(d.code), d.code).toBe(true);
        expect(d.subject, d.code).toBeDefined();
        if (d.path?.startsWith('patterns[')) expect(d.subject?.pattern, d.code).toBeDefined();
      }
    }
  });

  it('names each pattern a hot partition holds by the first, and the index and entity of the partition', () => {
    const design = deriveDesign(
      model(`model "Images"
entity Image key image
  image: string
  viewCount: number
getImage: Image by image returns one
top: Image order by viewCount desc
`),
    );
    expect(design.diagnostics).toEqual([
      expect.objectContaining({ code: 'keys.hotPartition', path: 'patterns[1]', subject: { pattern: 'top', entity: 'Image', index: 'GSI1' } }),
    ]);
  });

  it('leaves a pattern unplanned only with a not-served code whose subject is that pattern', () => {
    const notServed = [
      'keys.includeWithRange',
      'keys.includeNeedsKey',
      'keys.includeSelfNotChild',
      'keys.includeWithFixed',
      'keys.includeWithLimit',
      'keys.limitWithFilter',
    ] as const;
    for (const code of notServed) {
      const design = deriveDesign(CASES[code].model());
      const error = design.diagnostics.find((d) => d.code === code);
      expect(isNotServedCode(code)).toBe(true);
      expect(design.patterns.some((p) => p.pattern === error?.subject?.pattern)).toBe(false);
    }
    for (const code of KEYS_DIAGNOSTIC_CODES.filter((c) => !(notServed as readonly string[]).includes(c))) {
      expect(isNotServedCode(code), code).toBe(false);
    }
    expect(isNotServedCode('engine.internal')).toBe(false);
  });
});
