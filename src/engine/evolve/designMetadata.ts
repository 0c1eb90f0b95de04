// The deployed design kept in its own table: design-metadata items under a reserved key,
// holding the design's design.json (DESIGN-FORMAT.md; compressed by the runner), its
// identity (designIdentity) and this format's version, so the design can be read back
// from the table (issue 10) on any endpoint, DynamoDB Local too (which keeps no tags).
//
// The key: the partition key `$tablewright#design#<chunk>`, and where the table has a sort
// key, `$tablewright` (a string sort key) or the chunk number (a number one). Reserved keys
// start with `$` and a letter above `d`, which no literal and no encoded value can
// (writes/writePlan.ts, guard items), so no key template produces it. The items hold no
// entity attribute and no index key attribute (their attribute names start with `$`, which
// no model attribute can), so they are in no GSI and decode to no record.
//
// An item is at most 400 KB, attribute names and values together (developer guide, "Service,
// account, and table quotas", Items:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items):
// the payload is cut into chunks of METADATA_CHUNK_BYTES, one item each, chunk 0 first.
import type { Diagnostic } from '../model/diagnostics.ts';
import { evolveDiagnostic } from './evolveDiagnostic.ts';

/** Version of the metadata items' form: a reader refuses another. */
export const DESIGN_METADATA_FORMAT = 'tablewright-metadata/1';
/** Every reserved key Tablewright writes besides guards starts with it. */
export const DESIGN_METADATA_PREFIX = '$tablewright#';
/** The string sort key of every metadata item, on a table whose sort key is a string. */
export const DESIGN_METADATA_SK = '$tablewright';
/** Payload bytes per item: well under 400 KB with the key and the other attributes. */
export const METADATA_CHUNK_BYTES = 300_000;

/** The metadata items' own attributes (a `$` no model attribute name has). */
export const METADATA_ATTRIBUTES = {
  format: '$format',
  identity: '$identity',
  /** Set by the writer for one write: every chunk of one write carries the same. */
  write: '$write',
  chunk: '$chunk',
  chunks: '$chunks',
  /** `gzip` or `none`: how `data` is encoded. */
  encoding: '$encoding',
  /** Bytes of the whole payload, before it is cut. */
  size: '$size',
  data: '$data',
} as const;

export type MetadataEncoding = 'gzip' | 'none';

/** The partition key value of a metadata item. */
export function designMetadataPk(chunk: number): string {
  return `${DESIGN_METADATA_PREFIX}design#${chunk}`;
}

/** Whether a table partition key value is a metadata item's. */
export function isDesignMetadataKey(pk: unknown): boolean {
  return typeof pk === 'string' && pk.startsWith(DESIGN_METADATA_PREFIX);
}

/** A table's key schema as CreateTable takes it and DescribeTable answers it. */
export interface TableKeySchema {
  KeySchema?: readonly { AttributeName?: string | undefined; KeyType?: string | undefined }[] | undefined;
  AttributeDefinitions?: readonly { AttributeName?: string | undefined; AttributeType?: string | undefined }[] | undefined;
}

/** Where the metadata items go in a table: its key attributes and how each is filled. */
export interface MetadataKeyShape {
  pk: string;
  sk?: { name: string; type: 'S' | 'N' };
}

/**
 * The metadata items' key in a table of this key schema, or why there can be none: a partition key that is
 * not a string cannot hold the reserved key (then the design is known by the table's tag alone).
 */
export function designMetadataKeyShape(table: TableKeySchema, tableName: string): { shape: MetadataKeyShape } | { diagnostic: Diagnostic } {
  const typeOf = (name: string) => table.AttributeDefinitions?.find((a) => a.AttributeName === name)?.AttributeType;
  const pk = table.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName;
  const sk = table.KeySchema?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  const refuse = (why: string) => ({
    diagnostic: evolveDiagnostic(
      'evolve.metadataKey',
      `Table ${tableName} cannot hold its design: ${why}, and the design is kept under the reserved string key ${designMetadataPk(0)}. Only the tag tablewright:design (where the endpoint keeps tags) says which design it has.`,
      { subject: { index: 'table' } },
      'warning',
    ),
  });
  if (pk === undefined) return refuse('its key schema names no partition key');
  if (typeOf(pk) !== 'S') return refuse(`its partition key ${pk} is of type ${typeOf(pk) ?? 'unknown'}, not a string`);
  if (sk === undefined) return { shape: { pk } };
  const skType = typeOf(sk);
  if (skType !== 'S' && skType !== 'N') return refuse(`its sort key ${sk} is of type ${skType ?? 'unknown'}, neither a string nor a number`);
  return { shape: { pk, sk: { name: sk, type: skType } } };
}

/** The key of metadata chunk `chunk`. */
export function designMetadataKey(shape: MetadataKeyShape, chunk: number): Record<string, string | number> {
  const key: Record<string, string | number> = { [shape.pk]: designMetadataPk(chunk) };
  if (shape.sk) key[shape.sk.name] = shape.sk.type === 'S' ? DESIGN_METADATA_SK : chunk;
  return key;
}

export interface DesignMetadataPayload {
  identity: string;
  /** The writer's id for this write (any string), so that chunks of two writes are never joined. */
  write: string;
  encoding: MetadataEncoding;
  /** design.json, encoded. */
  bytes: Uint8Array;
}

/** The items that hold a payload, chunk 0 first; plain values, the `data` as bytes (a Binary attribute). `chunkBytes` (tests) is at most METADATA_CHUNK_BYTES. */
export function designMetadataItems(
  shape: MetadataKeyShape,
  payload: DesignMetadataPayload,
  chunkBytes = METADATA_CHUNK_BYTES,
): Record<string, string | number | Uint8Array>[] {
  const a = METADATA_ATTRIBUTES;
  const size = Math.max(1, Math.min(METADATA_CHUNK_BYTES, Math.floor(chunkBytes)));
  const chunks = Math.max(1, Math.ceil(payload.bytes.length / size));
  return Array.from({ length: chunks }, (_, chunk) => ({
    ...designMetadataKey(shape, chunk),
    [a.format]: DESIGN_METADATA_FORMAT,
    [a.identity]: payload.identity,
    [a.write]: payload.write,
    [a.chunk]: chunk,
    [a.chunks]: chunks,
    [a.encoding]: payload.encoding,
    [a.size]: payload.bytes.length,
    [a.data]: payload.bytes.subarray(chunk * size, (chunk + 1) * size),
  }));
}

/** How many chunks the item of chunk 0 says there are, or why it is not a metadata item. */
export function metadataChunkCount(first: Record<string, unknown>): number | string {
  const problem = chunkProblem(first, 0);
  if (problem) return problem;
  return first[METADATA_ATTRIBUTES.chunks] as number;
}

/** The payload of chunks read back (chunk 0 first, in order), or what is wrong with them. */
export function joinDesignMetadata(
  items: readonly (Record<string, unknown> | undefined)[],
): { ok: true; identity: string; encoding: MetadataEncoding; bytes: Uint8Array } | { ok: false; problem: string } {
  const a = METADATA_ATTRIBUTES;
  const first = items[0];
  if (!first) return { ok: false, problem: `there is no metadata item ${designMetadataPk(0)}` };
  const count = metadataChunkCount(first);
  if (typeof count === 'string') return { ok: false, problem: count };
  if (items.length !== count) return { ok: false, problem: `chunk 0 says ${count} chunks, ${items.length} were read` };
  const parts: Uint8Array[] = [];
  for (const [i, item] of items.entries()) {
    if (!item) return { ok: false, problem: `chunk ${i} of ${count} is missing` };
    const problem = chunkProblem(item, i);
    if (problem) return { ok: false, problem };
    for (const name of [a.identity, a.write, a.chunks, a.encoding, a.size] as const) {
      if (item[name] !== first[name])
        return {
          ok: false,
          problem: `chunk ${i} has ${name} ${JSON.stringify(item[name])}, chunk 0 ${JSON.stringify(first[name])}: the chunks are of different writes`,
        };
    }
    parts.push(item[a.data] as Uint8Array);
  }
  const size = first[a.size];
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (total !== size) return { ok: false, problem: `the chunks hold ${total} bytes, chunk 0 says ${String(size)}` };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { ok: true, identity: first[a.identity] as string, encoding: first[a.encoding] as MetadataEncoding, bytes };
}

function chunkProblem(item: Record<string, unknown>, chunk: number): string | undefined {
  const a = METADATA_ATTRIBUTES;
  const format = item[a.format];
  if (format !== DESIGN_METADATA_FORMAT) {
    return typeof format === 'string' && format.startsWith('tablewright-metadata/')
      ? `chunk ${chunk} is in the form ${format}, this Tablewright reads ${DESIGN_METADATA_FORMAT} (a newer Tablewright wrote it?)`
      : `chunk ${chunk} has no ${a.format} ${DESIGN_METADATA_FORMAT}`;
  }
  if (item[a.chunk] !== chunk) return `chunk ${chunk} says it is chunk ${String(item[a.chunk])}`;
  const chunks = item[a.chunks];
  if (typeof chunks !== 'number' || !Number.isInteger(chunks) || chunks < 1 || chunks > 1000) return `chunk ${chunk} has no chunk count (${a.chunks})`;
  if (typeof item[a.identity] !== 'string' || !/^[0-9a-f]{16}$/.test(item[a.identity] as string))
    return `chunk ${chunk} has no design identity (${a.identity})`;
  if (item[a.encoding] !== 'gzip' && item[a.encoding] !== 'none') return `chunk ${chunk} has an unknown encoding ${JSON.stringify(item[a.encoding])}`;
  if (typeof item[a.size] !== 'number') return `chunk ${chunk} has no size (${a.size})`;
  if (!(item[a.data] instanceof Uint8Array)) return `chunk ${chunk} has no binary ${a.data}`;
  return undefined;
}
