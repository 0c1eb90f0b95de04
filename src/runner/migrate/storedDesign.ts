// The deployed design kept in its own table (the engine's designMetadata.ts): written when
// Tablewright creates a table (createDesignTable) and after each migration (runMigration),
// read back by readDeployedDesign. The design.json text is gzip-compressed (CompressionStream:
// Node 20 and browsers) into Binary attributes, cut into items under 400 KB each (developer
// guide, "Service, account, and table quotas", Items:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items),
// every GetItem strongly consistent
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html).
//
// Chunks after the first are written first and chunk 0 last, so a reader that finds chunk 0 of
// a write finds the write's other chunks (each carries the write's id; chunks of an older write
// left beyond the new count are deleted afterwards).
import { DeleteItemCommand, GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  designIdentity,
  designJson,
  designLayout,
  designMetadataItems,
  designMetadataKey,
  designMetadataKeyShape,
  joinDesignMetadata,
  metadataChunkCount,
  type Design,
  type DesignMetadataPayload,
  type Diagnostic,
  type MetadataKeyShape,
  type TableKeySchema,
} from '../../engine/index.ts';

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export const gzip = (bytes: Uint8Array): Promise<Uint8Array> => through(bytes, new CompressionStream('gzip'));
export const gunzip = (bytes: Uint8Array): Promise<Uint8Array> => through(bytes, new DecompressionStream('gzip'));

/**
 * What the design-metadata items of `design` hold: its design.json, gzip-compressed, its identity and a new write
 * id. storeDesign writes it; `migrate --script` embeds it in the script, which writes it as storeDesign does.
 */
export async function designPayload(design: Design): Promise<DesignMetadataPayload> {
  const bytes = await gzip(new TextEncoder().encode(designJson(design)));
  const write = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${bytes.length}`;
  return { identity: designIdentity(designLayout(design)), write, encoding: 'gzip', bytes };
}

type Plain = string | number | Uint8Array;

function toAttribute(value: Plain): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  return { B: value };
}

function toAttributes(item: Record<string, Plain>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toAttribute(v)]));
}

/** An item's S, N and B attributes as plain values (others as undefined: a metadata item has none). */
function fromAttributes(item: Record<string, AttributeValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v.S ?? (v.N !== undefined ? Number(v.N) : v.B)]));
}

const sendOptions = (signal?: AbortSignal) => (signal ? { abortSignal: signal } : {});

async function getChunk(
  client: DynamoDBClient,
  tableName: string,
  shape: MetadataKeyShape,
  chunk: number,
  signal?: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  const out = await client.send(
    new GetItemCommand({ TableName: tableName, Key: toAttributes(designMetadataKey(shape, chunk)), ConsistentRead: true }),
    sendOptions(signal),
  );
  return out.Item ? fromAttributes(out.Item) : undefined;
}

export type StoreDesignResult =
  /** Kept in `chunks` items, `bytes` compressed bytes. */
  | { stored: true; identity: string; chunks: number; bytes: number }
  /** The table's key cannot hold it (`evolve.metadataKey`): its design is known by its tag alone. */
  | { stored: false; diagnostic: Diagnostic };

/**
 * Stores `design` (its design.json, under `tableName`) in the table whose key schema is `table` (the
 * CreateTable input or DescribeTable's answer), replacing the one stored before.
 */
export async function storeDesign(options: {
  client: DynamoDBClient;
  tableName: string;
  design: Design;
  table: TableKeySchema;
  signal?: AbortSignal;
  /** Compressed bytes per item (tests: smaller than the default to cut a small design into chunks). */
  chunkBytes?: number;
}): Promise<StoreDesignResult> {
  const { client, tableName, signal } = options;
  const found = designMetadataKeyShape(options.table, tableName);
  if ('diagnostic' in found) return { stored: false, diagnostic: found.diagnostic };
  const { shape } = found;
  const payload = await designPayload({ ...options.design, tableName });
  const { identity, bytes } = payload;
  const items = designMetadataItems(shape, payload, options.chunkBytes);
  const before = await getChunk(client, tableName, shape, 0, signal);
  const oldCount = before ? metadataChunkCount(before) : 0;
  for (const item of [...items.slice(1), ...items.slice(0, 1)]) {
    await client.send(new PutItemCommand({ TableName: tableName, Item: toAttributes(item) }), sendOptions(signal));
  }
  for (let chunk = items.length; typeof oldCount === 'number' && chunk < oldCount; chunk++) {
    await client.send(new DeleteItemCommand({ TableName: tableName, Key: toAttributes(designMetadataKey(shape, chunk)) }), sendOptions(signal));
  }
  return { stored: true, identity, chunks: items.length, bytes: bytes.length };
}

export type StoredDesignRead =
  /** The stored design.json's text and the identity its items state. */
  | { status: 'found'; text: string; identity: string; shape: MetadataKeyShape }
  /** No metadata item: a table Tablewright did not create, or created before designs were stored. */
  | { status: 'missing'; shape: MetadataKeyShape }
  /** The items are there but do not read (what is wrong, in words). */
  | { status: 'damaged'; problem: string }
  /** The table's key cannot hold them. */
  | { status: 'unsupported'; diagnostic: Diagnostic };

/** The design.json stored in the table whose key schema is `table`, as text; its checks are readDeployedDesign's. */
export async function readStoredDesign(options: {
  client: DynamoDBClient;
  tableName: string;
  table: TableKeySchema;
  signal?: AbortSignal;
}): Promise<StoredDesignRead> {
  const { client, tableName, signal } = options;
  const found = designMetadataKeyShape(options.table, tableName);
  if ('diagnostic' in found) return { status: 'unsupported', diagnostic: found.diagnostic };
  const { shape } = found;
  const first = await getChunk(client, tableName, shape, 0, signal);
  if (!first) return { status: 'missing', shape };
  const count = metadataChunkCount(first);
  if (typeof count === 'string') return { status: 'damaged', problem: count };
  const items = [first];
  for (let chunk = 1; chunk < count; chunk++) items.push((await getChunk(client, tableName, shape, chunk, signal)) as Record<string, unknown>);
  const joined = joinDesignMetadata(items);
  if (!joined.ok) return { status: 'damaged', problem: joined.problem };
  let bytes = joined.bytes;
  if (joined.encoding === 'gzip') {
    try {
      bytes = await gunzip(bytes);
    } catch (e) {
      return { status: 'damaged', problem: `its gzip data does not decompress (${(e as Error).message})` };
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { status: 'damaged', problem: 'its design.json is not UTF-8 text' };
  }
  return { status: 'found', text, identity: joined.identity, shape };
}
