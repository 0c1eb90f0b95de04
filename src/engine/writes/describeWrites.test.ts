import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../design/deriveDesign.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { describeWrites } from './describeWrites.ts';

const design = deriveDesign(
  modelFromText(`model "Shop"

entity User key email unique handle version v
  email: string
  handle: string
  name: string
  v: number

entity Order key orderId belongsTo User via userEmail
  orderId: string
  userEmail: string
  createdAt: datetime
  status: "new" | "paid"

getUser: User by email returns one
byHandle: User by handle returns one
userOrders: User by email with Order
ordersByStatus: Order by status order by createdAt desc
`),
);
const of = (entity: string) =>
  describeWrites(design)
    .find((e) => e.entity === entity)
    ?.lines.join('\n') ?? '';

describe('describeWrites', () => {
  it('says how a record is found, its guards and version, and which updates read first', () => {
    expect(of('User')).toContain('Its item is found from its key (email)');
    expect(of('User')).toContain('(handle) is unique: a guard item ($unique#USER#handle#{handle})');
    expect(of('User')).toContain('v is its version');
    expect(of('User')).toContain('A change of name is one UpdateItem');
    expect(of('User')).toContain('A change of handle (');
    expect(of('Order')).toContain('an identity guard item ($id#ORDER#{orderId})');
    expect(of('Order')).toContain('Every update reads the record first');
  });
});
