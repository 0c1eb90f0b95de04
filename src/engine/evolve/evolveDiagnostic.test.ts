// Every diagnostic the evolve stage can emit, driven by a small deployed design
// and a changed model: its code is one of EVOLVE_DIAGNOSTIC_CODES and its subject
// names what it is about, so no consumer needs the message text.
import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designLayout } from '../design/designJson.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import { EVOLVE_DIAGNOSTIC_CODES, isEvolveError, type EvolveDiagnosticCode } from './evolveDiagnostic.ts';
import { designMetadataKeyShape } from './designMetadata.ts';

const SHOP = `model "Shop"
entity Customer key customerId
  customerId: string
  name: string
entity Order key (customerId, orderId) count 2000 belongsTo Customer via customerId
  orderId: string
  customerId: string
  status: "open" | "paid"
  total: number
getCustomer: Customer by customerId returns one
getOrder: Order by customerId, orderId returns one
ordersByStatus: Order by status order by total desc
customersByName: Customer by name
`;

const deployed = deriveDesign(modelFromText(SHOP));
const evolve = (text: string): Diagnostic[] =>
  deriveDesign(modelFromText(text), { previous: designLayout(deployed), deployed: true }).diagnostics.filter((d) => d.code.startsWith('evolve.'));

const cases: Record<EvolveDiagnosticCode, () => Diagnostic[]> = {
  'evolve.tableKeyChanged': () =>
    evolve(
      SHOP.replace('key (customerId, orderId)', 'key orderId')
        .replace('  customerId: string\n  status', '  customerId?: string\n  status')
        .replace(' belongsTo Customer via customerId', '')
        .replace('by customerId, orderId', 'by orderId'),
    ),
  'evolve.indexKeyChanged': () => evolve(SHOP.replace('  total: number', '  total: number\n  GSI1PK?: string')),
  'evolve.entityAttributeChanged': () => evolve(SHOP.replace('  name: string', '  name: string\n  _type?: string')),
  'evolve.unusedIndex': () => evolve(SHOP.replace(/ordersByStatus.*\n/, '').replace(/customersByName.*\n/, '')),
  'evolve.unusedTemplate': () => evolve(SHOP.replace(/customersByName.*\n/, '')),
  'evolve.metadataKey': () => {
    const shape = designMetadataKeyShape(
      { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'N' }] },
      'Numbers',
    );
    return 'diagnostic' in shape ? [shape.diagnostic] : [];
  },
};

describe('evolve diagnostics', () => {
  it.each(EVOLVE_DIAGNOSTIC_CODES.map((code) => [code] as const))('%s is reachable, with a subject', (code) => {
    const found = cases[code]().filter((d) => d.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.subject).toBeDefined();
      expect(d.severity).toBe(code.startsWith('evolve.unused') || code === 'evolve.metadataKey' ? 'warning' : 'error');
      expect(isEvolveError(d)).toBe(d.severity === 'error');
    }
  });

  it('names the alternatives and their cost for a table key change', () => {
    const [d] = cases['evolve.tableKeyChanged']().filter((x) => x.code === 'evolve.tableKeyChanged');
    expect(d?.subject).toEqual({ entity: 'Order', index: 'table' });
    expect(d?.path).toBe('entities[1]');
    expect(d?.message).toMatch(
      /^Order's table key would change from PK = .*\{customerId\}.* to PK = .*: .*keep "customerId" required \(no cost\), or pay for a new table with a full copy \(2,020 items at the declared counts, [\d,]+ write units, \$[\d.]+ on-demand\)\.$/,
    );
  });

  it('has a GSI whose key attribute the model now holds say so, and which attribute to rename', () => {
    const found = cases['evolve.indexKeyChanged']();
    expect(found.map((d) => d.subject)).toEqual([{ index: 'GSI1' }]);
    expect(found[0]?.message).toContain('Rename the model\'s "GSI1PK"');
  });

  it('says nothing of a change the live table can take', () => {
    expect(evolve(`${SHOP}ordersByTotal: Order by total\n`).filter(isEvolveError)).toEqual([]);
  });
});
