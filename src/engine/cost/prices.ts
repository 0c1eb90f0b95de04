// The prices a design is costed at: an editable table that says the region and the date it
// holds for, so a figure is never read without them. The default is DynamoDB's list price in
// us-east-1 on 2026-11-30 (https://aws.amazon.com/dynamodb/pricing/, the on-demand and the
// provisioned pages), Standard table class, without the free tier, reserved capacity or taxes.

/** Prices in US dollars; users edit them (another region, another date, a negotiated rate). */
export interface PriceTable {
  /** The AWS Region the prices are for. */
  region: string;
  /** The day the prices were read (ISO date, YYYY-MM-DD). */
  date: string;
  /** Where they were read. */
  source: string;
  /** On-demand: dollars per million read request units. */
  perMillionReadRequestUnits: number;
  /** On-demand: dollars per million write request units. */
  perMillionWriteRequestUnits: number;
  /** Provisioned: dollars per read capacity unit per hour. */
  perRcuHour: number;
  /** Provisioned: dollars per write capacity unit per hour. */
  perWcuHour: number;
  /** Storage: dollars per GB-month (GB of 2^30 bytes). */
  perGbMonth: number;
  /** Hours in a billing month: AWS prices by the month of 730 hours (365 × 24 / 12). */
  hoursPerMonth: number;
}

/** us-east-1 on 2026-11-30: $0.125/M RRU, $0.625/M WRU, $0.00013 per RCU-hour, $0.00065 per WCU-hour, $0.25 per GB-month. */
export const DEFAULT_PRICES: Readonly<PriceTable> = Object.freeze({
  region: 'us-east-1',
  date: '2026-11-30',
  source: 'https://aws.amazon.com/dynamodb/pricing/',
  perMillionReadRequestUnits: 0.125,
  perMillionWriteRequestUnits: 0.625,
  perRcuHour: 0.00013,
  perWcuHour: 0.00065,
  perGbMonth: 0.25,
  hoursPerMonth: 730,
});

/** The numeric fields of a price table, with what each is, for an editor and for printing. */
export const PRICE_FIELDS = [
  { field: 'perMillionReadRequestUnits', label: 'on-demand, per million read request units' },
  { field: 'perMillionWriteRequestUnits', label: 'on-demand, per million write request units' },
  { field: 'perRcuHour', label: 'provisioned, per RCU-hour' },
  { field: 'perWcuHour', label: 'provisioned, per WCU-hour' },
  { field: 'perGbMonth', label: 'storage, per GB-month' },
  { field: 'hoursPerMonth', label: 'hours per month' },
] as const satisfies readonly { field: keyof PriceTable; label: string }[];

/** Bytes in a GB of storage. */
export const GB_BYTES = 2 ** 30;

/** Seconds in a billing month: hoursPerMonth × 3,600 (2,628,000 for 730 hours). */
export function secondsPerMonth(prices: Pick<PriceTable, 'hoursPerMonth'>): number {
  return prices.hoursPerMonth * 3600;
}

/** What is wrong with an edited price table, a sentence per field (none when it can be used). */
export function priceTableProblems(prices: PriceTable): string[] {
  const problems: string[] = [];
  for (const { field, label } of PRICE_FIELDS) {
    const value = prices[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) problems.push(`${field} (${label}) must be a number of 0 or more`);
  }
  if (prices.hoursPerMonth === 0) problems.push('hoursPerMonth (hours per month) must be more than 0');
  return problems;
}
