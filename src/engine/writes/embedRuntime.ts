// The write runtime's text as a generated module carries it: writeRuntime.ts
// without its file comment, with `export` kept only on what the module offers
// its users (the error classes and the request types); everything else is the
// module's own. writeRuntimeSource.generated.ts holds the result, made by
// `npm run gen:runtime` and held equal to writeRuntime.ts by a test.

/** What a generated module exports of the write runtime. */
export const WRITE_RUNTIME_EXPORTS: readonly string[] = [
  'WriteError',
  'RecordExistsError',
  'RecordNotFoundError',
  'UniqueConflictError',
  'StaleVersionError',
  'WriteConflictError',
  'ConditionFailedError',
  'WriteCondition',
  'AttributeTest',
  'WriteOptions',
  'AddOptions',
  'RemoveOptions',
  'CreateManyOptions',
  'CreateManyResult',
  'StreamRecordInput',
  'StreamAttributeValue',
  'WriteItem',
  'TableKey',
  'WriteRequest',
  'ConditionParts',
  'PutInput',
  'DeleteInput',
  'UpdateInput',
  'TransactItem',
  'ReadRequest',
];

const DECLARATION = /^export (?:async function|function|class|interface|type|const) (\w+)/;

/** The runtime's text for a module, in top-level blocks, each with the names it declares. */
export function embedRuntime(text: string): { blocks: { names: string[]; text: string }[] } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let start = 0;
  while (start < lines.length && (lines[start]?.startsWith('//') || lines[start] === '')) start++;
  const out = lines.slice(start).map((line) => {
    const declared = DECLARATION.exec(line)?.[1];
    if (declared === undefined) return line;
    return WRITE_RUNTIME_EXPORTS.includes(declared) ? line : line.slice('export '.length);
  });
  const header = [
    '// ---------------------------------------------------------------------------',
    "// Writes: the runtime behind create, update and remove (Tablewright's write",
    '// runtime, the same code the app runs in memory). Each write keeps every item',
    '// the design stores for a record right: its own item and index keys, the',
    '// identity guard, the unique guards.',
    '// ---------------------------------------------------------------------------',
  ];
  const body = out.join('\n').trimEnd();
  // Top-level blocks (a doc comment and its declaration), so a module can leave out what it never calls.
  const blocks = body.split(/\n\n(?=\/\*\*|(?:export )?(?:async function|function|class|interface|type|const) )/).map((block) => ({
    names: [...block.matchAll(/^(?:export )?(?:async function|function|class|interface|type|const) (\w+)/gm)].map((m) => m[1] ?? ''),
    text: block,
  }));
  return { blocks: [{ names: [], text: header.join('\n') }, ...blocks] };
}
