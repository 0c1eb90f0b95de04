// Test helper: a deployed model and its next version that the live table cannot
// take (Order's table key holds customerId, which the next version makes optional),
// for the evolve stage's and the CLI's tests.
const shop = (customer: string, key: string) => `model "Shop"
entity Order key ${key} count 5000
  orderId: string
  ${customer}
  createdAt: datetime
getOrder: Order by orderId returns one
`;

/** Model texts: `before` deployed, `after` with a table key the live table cannot take. */
export const TABLE_KEY_CHANGE = { before: shop('customerId: string', '(customerId, orderId)'), after: shop('customerId?: string', 'orderId') };
