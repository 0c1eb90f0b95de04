// The model: entities and access patterns, exactly the semantics of
// ../shared/problems/FORMAT.md. Plain data; no source positions here (see SourceMap).

export type AttributeType = 'string' | 'number' | 'boolean' | 'date' | 'datetime';
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'boolean', 'date', 'datetime'];

/** A value a record holds for one attribute. */
export type Scalar = string | number | boolean;

export interface Attribute {
  name: string;
  type: AttributeType;
  /** The only values the attribute takes (an enumeration). */
  values?: Scalar[];
  /**
   * Records may lack the attribute (FORMAT.md, v1 extensions). A record that
   * lacks one a pattern names in equals, range or order is not in its answer;
   * never part of a key or a via.
   */
  optional?: true;
}

export interface BelongsTo {
  entity: string;
  /** This entity's attributes that hold the parent's key, in the parent's key order. */
  via: string[];
}

export interface Entity {
  name: string;
  attributes: Attribute[];
  /** Attributes that identify one record. */
  key: string[];
  belongsTo: BelongsTo[];
  /** Expected number of records. */
  count?: number;
  /**
   * Attribute sets besides `key` that identify at most one record (FORMAT.md `unique`):
   * writes refuse a second record with the same values. A record lacking one of a set's
   * (optional) attributes holds no values for it.
   */
  unique?: string[][];
  /** A number attribute for optimistic locking: every update states the version it expects. */
  version?: string;
  /** A number attribute holding an expiry time in epoch seconds: the table's time to live. */
  ttl?: string;
  /** Expected writes of this entity's records per second: creates, updates and removes together (FORMAT.md `writes`). */
  writes?: Rate;
  /** The average item size in bytes to assume instead of the sample records' (FORMAT.md `itemBytes`). */
  itemBytes?: number;
}

/** A rate per second (FORMAT.md `rate`, `writes`): the average, and the peak (the average when not given). */
export interface Rate {
  avg: number;
  peak?: number;
}

export type RangeOp = '=' | '<' | '<=' | '>' | '>=' | 'between' | 'begins_with';
export const RANGE_OPS: readonly RangeOp[] = ['=', '<', '<=', '>', '>=', 'between', 'begins_with'];

export type Direction = 'asc' | 'desc';

export interface Pattern {
  name: string;
  text?: string;
  entity: string;
  equals: string[];
  range?: { attribute: string; op: RangeOp };
  order?: { attribute: string; direction: Direction };
  /**
   * Attributes that must equal a literal value, not a parameter (FORMAT.md `fixed`): the answer holds
   * only records whose every fixed attribute equals its value (a record lacking one is not in it).
   * Never also in `equals` or `range`. Read with own-property access (model/patternEqualities.ts): an attribute
   * may be called `__proto__`.
   */
  fixed?: Record<string, Scalar>;
  /** The answer is the first `limit` records in `order` (FORMAT.md `limit`; `order` is then required). */
  limit?: number;
  include?: string[];
  returns: 'one' | 'many';
  /** Expected calls per second (FORMAT.md `rate`). */
  rate?: Rate;
  /** The caller needs a strongly consistent read (FORMAT.md `consistent`): only the table serves one. */
  consistent?: true;
  /** Spread the pattern's partition over this many shards (FORMAT.md `shards`, write sharding); its answer is unchanged. */
  shards?: number;
}

export type BillingMode = 'on-demand' | 'provisioned';
export const BILLING_MODES: readonly BillingMode[] = ['on-demand', 'provisioned'];
export type StreamView = 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'KEYS_ONLY';
export const STREAM_VIEWS: readonly StreamView[] = ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'];
export type TableClass = 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';
export const TABLE_CLASSES: readonly TableClass[] = ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'];

/** The table's settings (FORMAT.md `table`); every field optional. */
export interface TableSettings {
  name?: string;
  billing?: BillingMode;
  /** Provisioned read and write capacity units (with `billing: provisioned`). */
  read?: number;
  write?: number;
  stream?: StreamView;
  /** Point-in-time recovery. */
  pitr?: boolean;
  deletionProtection?: boolean;
  tableClass?: TableClass;
}

export interface Model {
  name: string;
  source?: string;
  table?: TableSettings;
  entities: Entity[];
  patterns: Pattern[];
}

/** A record of an entity: attribute name → value. */
export type RecordValue = Record<string, Scalar>;

/** Parameter values of a pattern: one per equals attribute and, where given, the range attribute. */
export type PatternParams = Record<string, Scalar | [Scalar, Scalar]>;
