// The paging runtime a generated module carries, as source text: execute.p reads
// one page of a pattern's answer and hands back an opaque cursor; executeAll
// (readAll) keeps reading every page. Type-checked and run against DynamoDB
// Local through generated modules (runner/modulePaging.dynamodb.test.ts).
//
// A Query reads its partition in sort-key order from ExclusiveStartKey, "the
// primary key of the first item that this operation will evaluate" (the item
// after it): https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
// For a GSI that key holds the table's key attributes and the index's: every
// item a GSI returns carries them (the design projects ALL), so the key of the
// last record taken is where the next page starts, ties on the order attribute
// included (the sort key ends with the record's key).
// Limit is the number of items *evaluated*, before a FilterExpression
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Limit.html),
// so a page reads on until it holds its records or the request ends.

/** Names the paging runtime declares: no generated type may take them. */
export const PAGING_NAMES: readonly string[] = [
  'DEFAULT_PAGE_SIZE',
  'PageOptions',
  'Page',
  'CursorError',
  'ReadPosition',
  'PagedRead',
  'PageReader',
  'CURSOR_VERSION',
  'readPage',
  'readMore',
  'takesBefore',
  'startKeyOf',
  'checksum',
  'toBase64Url',
  'fromBase64Url',
  'encodeCursor',
  'decodeCursor',
  'stepsOf',
  'executeAll',
];

const HEADER = `// ---------------------------------------------------------------------------
// Paging: execute.p reads one page of a pattern's answer, in the pattern's order,
// and returns a cursor while more may remain. The cursor is opaque text (URL-safe
// base64) holding key values only: the pattern's name, a fingerprint of its
// requests (so a cursor is refused for other parameters or another table), the
// step, how many records came before, and per request where its read continues.
// A checksum refuses a damaged cursor; the cursor is not signed, so a caller that
// hands cursors to others should know they can change where a read starts.
// ---------------------------------------------------------------------------
/** The page size execute reads when the caller names none. */
export const DEFAULT_PAGE_SIZE = 100;

/** What a page asks for. */
export interface PageOptions {
  /** At most this many records (a positive integer); DEFAULT_PAGE_SIZE when left out. */
  limit?: number;
  /** The cursor of the page before, of the same pattern and parameters. */
  cursor?: string;
}

/** One page of a pattern's answer, in the pattern's order. */
export interface Page<T> {
  items: T[];
  /** Present while more records may remain: pass it back (\`{ cursor }\`) for the next page. */
  cursor?: string;
}

/** A cursor that is damaged, or was made by another pattern or for other parameters: refused before any request is sent. */
export class CursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CursorError';
  }
}

/** Where one request's read stands: 0 not begun, 1 read to its end, else the key it continues after (ExclusiveStartKey). */
type ReadPosition = 0 | 1 | Item;

/** A pattern's paged read, as execute describes it. */
interface PagedRead {
  pattern: string;
  /** Each step's inputs, in order; a sharded step has one per shard. */
  steps: ReadonlyArray<ReadonlyArray<GetCommandInput | QueryCommandInput>>;
  /** Each step's key attributes: an ExclusiveStartKey holds these (the table's key, then the index's). */
  keys: ReadonlyArray<readonly string[]>;
  /** Each sharded step's order (the index's sort key, ascending or not); null for a step of one request. */
  merge: ReadonlyArray<readonly [string, boolean] | null>;
  /** The pattern's limit (1 for a pattern that returns one record): the pages together never pass it. */
  cap?: number;
  /** The entities whose records the pattern answers. */
  entities: readonly string[];
}

/** One request of the step being read. */
interface PageReader {
  input: GetCommandInput | QueryCommandInput;
  /** Where the caller's read stands: after the last item consumed. */
  at: ReadPosition;
  /** Where this request's next read starts: after the last item read. */
  from: ReadPosition;
  /** Items read and not consumed yet, in the request's order. */
  buffer: Item[];
  /** Items this request has read, and how many of them its filter kept. */
  read: number;
  kept: number;
}

const CURSOR_VERSION = 1;

/** One page: at most options.limit records from options.cursor on (every request of a step merged in the step's order), and the cursor after them. */
async function readPage<R extends AnyRecord>(client: DynamoDBDocumentClient, read: PagedRead, options: PageOptions): Promise<Page<R>> {
  const size = options.limit ?? DEFAULT_PAGE_SIZE;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw new RangeError(\`\${read.pattern}: limit must be a positive integer, got \${String(options.limit)}\`);
  const fingerprint = checksum(JSON.stringify(read.steps));
  const start = options.cursor === undefined ? { step: 0, before: 0, at: (read.steps[0] ?? []).map((): ReadPosition => 0) } : decodeCursor(options.cursor, read, fingerprint);
  const cap = read.cap ?? Number.POSITIVE_INFINITY;
  const want = Math.min(size, cap - start.before);
  const records: R[] = [];
  let step = start.step;
  const readersOf = (at: readonly ReadPosition[]): PageReader[] => (read.steps[step] ?? []).map((input, i) => ({ input, at: at[i] ?? 0, from: at[i] ?? 0, buffer: [], read: 0, kept: 0 }));
  let readers = readersOf(start.at);
  for (;;) {
    const need = want - records.length;
    // A full page reads on only to learn whether more remain (a filter may have dropped the item read beyond it).
    if (need <= 0 && (start.before + want >= cap || readers.some((r) => r.buffer.length > 0))) break;
    const empty = readers.filter((r) => r.buffer.length === 0 && r.from !== 1);
    if (empty.length > 0) {
      // Every request of the step must show its next item before the merge takes one: read those that have none, in parallel.
      await Promise.all(empty.map((r) => readMore(client, r, start.before + want < cap ? need + 1 : need)));
      continue;
    }
    const order = read.merge[step] ?? null;
    let next: PageReader | undefined;
    for (const r of readers) {
      const head = r.buffer[0];
      const best = next?.buffer[0];
      if (head !== undefined && (best === undefined || (order !== null && takesBefore(head, best, order)))) next = r;
    }
    const item = need > 0 ? next?.buffer.shift() : undefined;
    if (next !== undefined && item !== undefined) {
      next.at = next.buffer.length > 0 ? startKeyOf(item, read.keys[step] ?? []) : next.from;
      const back = fromItem(item);
      if (back !== undefined && read.entities.includes(back.entity)) records.push(back as R);
      continue;
    }
    // This step is read to its end: the next one from its start.
    if (step >= read.steps.length - 1) break;
    step++;
    readers = readersOf([]);
  }
  const before = start.before + records.length;
  const more = before < cap && readers.some((r) => r.buffer.length > 0 || r.from !== 1);
  if (!more) return { items: records };
  return { items: records, cursor: encodeCursor(read.pattern, fingerprint, step, before, readers.map((r) => (r.buffer.length > 0 ? r.at : r.from))) };
}

/** The next items of one request: a GetItem's item, or a Query's next page of at most \`limit\` items. */
async function readMore(client: DynamoDBDocumentClient, r: PageReader, wanted: number): Promise<void> {
  if ('Key' in r.input && r.input.Key) {
    const result = await client.send(new GetCommand(r.input as GetCommandInput));
    if (result.Item) r.buffer.push(result.Item);
    r.from = 1;
    return;
  }
  const start = typeof r.from === 'object' ? { ExclusiveStartKey: r.from } : {};
  // Limit counts the items read before a filter: after a read the filter thinned, ask for as many more as it suggests (at most 16 times).
  const limit = Math.ceil(wanted * (r.read === 0 ? 1 : r.kept === 0 ? 16 : Math.min(16, r.read / r.kept)));
  const page = await client.send(new QueryCommand({ ...(r.input as QueryCommandInput), Limit: limit, ...start }));
  r.buffer.push(...(page.Items ?? []));
  r.read += page.ScannedCount ?? 0;
  r.kept += page.Count ?? 0;
  r.from = page.LastEvaluatedKey ?? 1;
}

/** Whether item a comes before item b in a sharded step's order: by the sort key, in UTF-8 byte order as DynamoDB sorts keys; a tie keeps the earlier shard first. */
function takesBefore(a: Item, b: Item, [sortKey, forward]: readonly [string, boolean]): boolean {
  const c = compareUtf8(String(a[sortKey]), String(b[sortKey]));
  return forward ? c < 0 : c > 0;
}

/** The ExclusiveStartKey after an item: its key attributes (the table's and the index's), which every item carries. */
function startKeyOf(item: Item, names: readonly string[]): Item {
  return Object.fromEntries(names.map((name) => [name, item[name]]));
}

/** A checksum of text (two 32-bit FNV-1a hashes, 14 characters): it finds damage, it is no signature. */
function checksum(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(36).padStart(7, '0') + (b >>> 0).toString(36).padStart(7, '0');
}

/** Text as URL-safe base64 of its UTF-8 bytes, without padding. */
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  let out = btoa(binary).split('+').join('-').split('/').join('_');
  while (out.endsWith('=')) out = out.slice(0, -1);
  return out;
}

/** The text toBase64Url encoded; throws on anything else. */
function fromBase64Url(cursor: string): string {
  const binary = atob(cursor.split('-').join('+').split('_').join('/') + '='.repeat((4 - (cursor.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function encodeCursor(pattern: string, fingerprint: string, step: number, before: number, at: readonly ReadPosition[]): string {
  const body = JSON.stringify([CURSOR_VERSION, pattern, fingerprint, step, before, at]);
  return toBase64Url(checksum(body) + body);
}

/** A cursor read back: refused (CursorError) unless encodeCursor made it for this pattern and these requests, and every key holds exactly its step's key attributes. */
function decodeCursor(cursor: unknown, read: PagedRead, fingerprint: string): { step: number; before: number; at: ReadPosition[] } {
  const damaged = (why: string) => new CursorError(\`\${read.pattern}: the cursor is damaged (\${why}); pass back a page's cursor as it came\`);
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 65536) throw damaged('not a cursor string');
  for (let i = 0; i < cursor.length; i++) {
    const c = cursor.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
    if (!ok) throw damaged('not URL-safe base64');
  }
  let text: string;
  try {
    text = fromBase64Url(cursor);
  } catch {
    throw damaged('not URL-safe base64');
  }
  const body = text.slice(14);
  if (checksum(body) !== text.slice(0, 14)) throw damaged('its checksum does not match');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw damaged('not JSON');
  }
  if (!Array.isArray(value) || value.length !== 6 || value[0] !== CURSOR_VERSION) throw damaged('an unknown layout');
  const [, pattern, print, step, before, at] = value as unknown[];
  if (pattern !== read.pattern) throw new CursorError(\`the cursor is for \${typeof pattern === 'string' ? \`pattern "\${pattern}"\` : 'another pattern'}, not "\${read.pattern}"\`);
  if (print !== fingerprint) throw new CursorError(\`\${read.pattern}: the cursor was made for other parameters or another table\`);
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= read.steps.length) throw damaged('no such step');
  if (typeof before !== 'number' || !Number.isInteger(before) || before < 0 || before >= (read.cap ?? Number.POSITIVE_INFINITY)) throw damaged('a count out of range');
  const inputs = read.steps[step] ?? [];
  const names = read.keys[step] ?? [];
  if (!Array.isArray(at) || at.length !== inputs.length) throw damaged('positions that do not fit the step');
  return {
    step,
    before,
    at: at.map((p: unknown, i): ReadPosition => {
      if (p === 0 || p === 1) return p;
      const input = inputs[i];
      if (input === undefined || ('Key' in input && input.Key) || typeof p !== 'object' || p === null || Array.isArray(p)) throw damaged('a position that is not a key');
      const own = Object.keys(p);
      const ok = own.length === names.length && names.every((name) => {
        const v: unknown = Object.prototype.hasOwnProperty.call(p, name) ? (p as Item)[name] : undefined;
        return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
      });
      if (!ok) throw damaged('a key that is not this step\\'s');
      return startKeyOf(p as Item, names);
    }),
  };
}`;

const STEPS_OF = `/** A several-step builder's inputs by step: a number is a step's count of requests, an index name a step of none or one (a reversed native range sends none). */
function stepsOf<I extends GetCommandInput | QueryCommandInput>(inputs: readonly I[], shape: ReadonlyArray<number | string>): I[][] {
  let i = 0;
  return shape.map((s) => {
    if (typeof s === 'number') return inputs.slice(i, (i += s));
    const next = inputs[i];
    if (next === undefined || !('IndexName' in next) || next.IndexName !== s) return [];
    i++;
    return [next];
  });
}`;

/** The paging runtime, with stepsOf only where a pattern reads in several steps. */
export function pagingRuntime(severalSteps: boolean): string {
  return severalSteps ? `${HEADER}\n\n${STEPS_OF}` : HEADER;
}
