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
  include?: string[];
  returns: 'one' | 'many';
}

export interface Model {
  name: string;
  source?: string;
  entities: Entity[];
  patterns: Pattern[];
}

/** A record of an entity: attribute name → value. */
export type RecordValue = Record<string, Scalar>;

/** Parameter values of a pattern: one per equals attribute and, where given, the range attribute. */
export type PatternParams = Record<string, Scalar | [Scalar, Scalar]>;
