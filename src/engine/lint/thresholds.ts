// The lint's thresholds, each with the DynamoDB rule it comes from. The rules
// read them from here only, so a finding and its test name the same figure.

/**
 * What one partition serves per second: "a single partition can support a maximum of 3,000 read
 * capacity units (RCUs) or 1,000 write capacity units (WCUs)"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html).
 */
export const PARTITION_READ_UNITS_PER_SECOND = 3000;
export const PARTITION_WRITE_UNITS_PER_SECOND = 1000;

/** Fewest shards a finding proposes: one shard is no sharding. */
export const MIN_PROPOSED_SHARDS = 2;

/**
 * Key value lengths: "the maximum length of a partition key value is 2048 bytes", "the maximum length of
 * a sort key value is 1024 bytes" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys,
 * the Constraints page's "Partition keys and sort keys").
 */
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

/**
 * "The maximum item size in DynamoDB is 400 KB, which includes both attribute name binary length (UTF-8
 * length) and attribute value lengths" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items);
 * 1 KB = 1024 bytes there.
 */
export const MAX_ITEM_BYTES = 400 * 1024;
/** An item this close to the limit (90%) is one attribute's growth away from a refused write. */
export const ITEM_SIZE_WARNING_SHARE = 0.9;

/**
 * "Global secondary indexes per table: 20" by default, adjustable through Service Quotas
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes).
 */
export const DEFAULT_GSI_QUOTA = 20;

/** The fewest GSI keys an often-written attribute is in for the lint to flag it: a change of a key attribute costs a delete and a put in each (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes). */
export const WRITE_AMPLIFICATION_MIN_GSIS = 2;
