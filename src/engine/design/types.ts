// The design: what the engine derives from a model. Plain data that the UI,
// the runner, the CLI and the code generator all read; nothing here sends.
import type { Diagnostic } from '../model/diagnostics.ts';
import type { AttributeType, Direction, Model, RangeOp, Scalar } from '../model/types.ts';

/** One piece of a key value. Keys are the segments joined by `#`. */
export type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'attribute'; name: string }
  /**
   * Write sharding (FORMAT.md `shards`): the last segment of a sharded template's partition key, the
   * shard the record's item is in, `shardOf(key text, count)` from the record's own key attributes `of`
   * (encoded and `#`-joined as in a key), written as its decimal digits. A record never changes shard.
   */
  | ShardSegment;

/** The shard component of a partition key: `count` shards, picked from the entity's key attributes `of`. */
export interface ShardSegment {
  kind: 'shard';
  count: number;
  of: string[];
}

/** How one entity's items are keyed in one index (table or GSI). */
export interface KeyTemplate {
  pk: Segment[];
  sk: Segment[];
}

interface IndexName {
  /** `table` for the base table, else the GSI's name (`GSI1`, ...). */
  name: string;
  kind: 'table' | 'gsi';
}

/**
 * Composite keys: one string attribute each for the partition and the sort key, which the
 * design writes on every item from the entity's template (`USER#{email}`). The table's key is always composite.
 */
export interface CompositeKeySchema extends IndexName {
  keys?: 'composite';
  /** Attribute names of the partition and sort key (`PK`/`SK`, `GSI1PK`/`GSI1SK`). */
  pkAttribute: string;
  skAttribute: string;
}

/** A key attribute of a native GSI: an attribute of the items themselves, with its DynamoDB type. */
export interface NativeKeyAttribute {
  name: string;
  type: 'S' | 'N';
}

/**
 * Native (multi-attribute) GSI keys: up to 4 partition-key and 4 sort-key attributes of the items
 * themselves, in order, with their own types. The entity attribute comes first in the partition key,
 * so each entity has partitions of its own. An item that lacks one of them is not in the index.
 */
export interface NativeKeySchema extends IndexName {
  kind: 'gsi';
  keys: 'native';
  pk: NativeKeyAttribute[];
  sk: NativeKeyAttribute[];
}

/** An index's name, kind and key attributes: what a derived design and a loaded design file share. */
export type IndexKeySchema = CompositeKeySchema | NativeKeySchema;

export type IndexDesign = IndexKeySchema & {
  /** Patterns this index serves, in model order. */
  patterns: string[];
  /** Entities with keys in this index, in model order. */
  entities: string[];
};

export interface EntityDesign {
  entity: string;
  /** Upper-case label that starts this entity's sort keys (`USER`). */
  label: string;
  /** Index name → template. The table always has one; a GSI only where the entity is in it. */
  keys: Record<string, KeyTemplate>;
}

/** Which attributes an index holds besides its keys: every one (`ALL`), today. */
export type IndexProjection = 'ALL';

/** An index as the design file states it: the key schema and the projection. */
export type IndexLayout = IndexKeySchema & {
  projection: IndexProjection;
};

/**
 * The key layout of a design, without the model or the plans: what
 * `parseDesignJson` reads back from design.json (DESIGN-FORMAT.md), the part of
 * the file that is a contract (plans are derived again from it and the model);
 * `designLayout(design)` takes it from a derived design.
 */
export interface DesignLayout {
  tableName: string;
  /** Attribute that holds the entity name on every item. */
  entityAttribute: string;
  /** Table first, then GSIs in order. */
  indexes: IndexLayout[];
  /** Every entity's label and key templates (`keys` in index order). */
  entities: EntityDesign[];
}

/** A design file read back: its layout and the name of the model it was derived from. */
export interface LoadedDesign extends DesignLayout {
  modelName: string;
}

/** A piece of a key value in a plan: fixed text, the encoded value of a parameter, or of a fixed attribute's literal. */
export type KeyPart =
  | { kind: 'literal'; text: string }
  | { kind: 'param'; param: string; attribute: string; type: AttributeType }
  /** An attribute the pattern fixes to a literal (FORMAT.md `fixed`): a constant, encoded as a parameter's value would be. */
  | { kind: 'fixed'; attribute: string; type: AttributeType; value: Scalar }
  /** A sharded partition's shard component: one request per shard, 0 to count - 1 (`buildRequest`). */
  | { kind: 'shard'; count: number };

/**
 * How a step's key condition is computed from the pattern's parameters, as
 * data: `buildRequest` interprets it and the code generator emits it.
 */
export interface StepKey {
  pk: KeyPart[];
  /** Sort key prefix: the entity label, then the equality parameters. */
  skPrefix: KeyPart[];
  /** The prefix is the whole sort key (then the condition is `=`, or GetItem on the table). */
  skComplete: boolean;
  /** The sort key template ends with a `#` terminator (so `<` can be exact). */
  skTerminated: boolean;
  /** The attribute after the prefix that orders the items and takes the range condition. */
  next?: { attribute: string; param: string; type: AttributeType; op?: RangeOp; last: boolean };
  /** For item collections: the label range that selects the parent and the included children. */
  labelRange?: { low: string; high: string };
}

/** One request of a plan: almost always the only one. */
export interface PlanStep {
  operation: 'GetItem' | 'Query';
  /** Index name (`table` or a GSI). */
  index: string;
  /** Entity whose key template gives the partition key (the parent for item collections). */
  keyEntity: string;
  /** Symbolic partition key value, e.g. `USER#{email}`. */
  pkText: string;
  /** Symbolic key condition, e.g. `PK = USER#{userEmail} AND begins_with(SK, "ORDER#")`. */
  keyConditionText: string;
  /** Sort order of the Query (undefined for GetItem). */
  direction?: Direction;
  /** Entities this request returns. */
  entities: string[];
  key: StepKey;
  /** Attribute filtered after the key condition (costs reads): only when no key design avoids it. */
  filter?: { attribute: string; param: string; type: AttributeType; op: RangeOp };
  /**
   * A Query's `Limit`: the pattern's limit (the first N records in its order). Never beside a filter
   * (DynamoDB counts Limit before the FilterExpression); a GetItem takes none.
   */
  limit?: number;
  /**
   * A strongly consistent read (`ConsistentRead`): the pattern asks for one (FORMAT.md `consistent`) and the
   * step reads the table. A GSI is eventually consistent only, so a step on one never has it.
   */
  consistent?: true;
  /**
   * Write sharding: the partition is spread over this many shards (its key's shard component), so the step
   * is one Query per shard, each in the step's order (and with its Limit), merged by the index's sort key
   * in that order and cut to the limit. Absent: one request.
   */
  shards?: number;
}

export interface PatternPlan {
  pattern: string;
  entity: string;
  /** The requests, in order (one, except where no single request can answer: see `reason`). */
  steps: PlanStep[];
  /** Entities a call returns (the pattern's entity plus `include`). */
  returnsEntities: string[];
  /** Why this index and key condition were chosen, for people. */
  reason: string;
}

/**
 * One difference from the previous design a derivation kept (`deriveDesign(model, { previous })`), with
 * its reason. `index` and `entity` name what changed: both, a key template; `index` alone, a GSI;
 * `entity` alone, an entity; neither, the table's entity attribute.
 */
export interface DesignChange {
  kind: 'added' | 'removed' | 'changed';
  index?: string;
  entity?: string;
  /** Why, for people: the pattern that needed it and what the previous design lacked, or what went away. */
  reason: string;
}

export interface Design {
  model: Model;
  tableName: string;
  /** Attribute that holds the entity name on every item. */
  entityAttribute: string;
  /** Table first, then GSIs in order. Empty only when the key layout could not be derived (an `engine.internal` error). */
  indexes: IndexDesign[];
  entities: EntityDesign[];
  patterns: PatternPlan[];
  /** Warnings (hot partitions, filtered patterns) and errors (patterns not served; `engine.internal` for Tablewright bugs). */
  diagnostics: Diagnostic[];
  /** Only when derived from a previous design: every index, template and label that differs from it, with why (empty: nothing moved). */
  changes?: DesignChange[];
}

/** A concrete request, shaped like the @aws-sdk/lib-dynamodb input it becomes. */
export type Request =
  | {
      operation: 'GetItem';
      index: string;
      input: { TableName: string; Key: Record<string, string>; ConsistentRead?: boolean };
    }
  | {
      operation: 'Query';
      index: string;
      input: QueryInput;
      /** Structured form of the key condition, for the in-memory evaluator. */
      key: { pk: string; sk: SkCondition } | NativeKeyValues;
      /** One shard of a sharded step (`PlanStep.shards`): its requests follow each other, and their answers are merged (`runRequests`). */
      shard?: { shard: number; count: number };
      filter?: { attribute: string; op: RangeOp; value: ScalarOrPair };
    };

export type ScalarOrPair = string | number | boolean | [string | number | boolean, string | number | boolean];

/** A native GSI's key condition with values: equalities on the partition attributes and a sort prefix, at most one range after them. */
export interface NativeKeyValues {
  native: true;
  equals: { attribute: string; value: string | number }[];
  range?:
    | { attribute: string; op: '=' | '<' | '<=' | '>' | '>='; value: string | number }
    | { attribute: string; op: 'between'; low: string | number; high: string | number }
    | { attribute: string; op: 'begins_with'; prefix: string };
}

export type SkCondition =
  { op: 'none' } | { op: '=' | '<' | '<=' | '>' | '>='; value: string } | { op: 'between'; low: string; high: string } | { op: 'begins_with'; prefix: string };

export interface QueryInput {
  TableName: string;
  IndexName?: string;
  KeyConditionExpression: string;
  FilterExpression?: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, string | number | boolean>;
  ScanIndexForward?: boolean;
  Limit?: number;
  ConsistentRead?: boolean;
}

/** A stored item: the record's attributes plus key attributes and the entity name. */
export type Item = Record<string, string | number | boolean>;
