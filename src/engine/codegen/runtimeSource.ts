// The key-encoding runtime that every generated module carries, as source
// text. It must behave exactly like keys/encodeKeyValue.ts; a test runs both on
// the same values.

const RUNTIME_SOURCE = `// ---------------------------------------------------------------------------
// Key encoding. A key is components joined by "#". Every encoded component uses
// only characters above "$", so "#" ends a component and sorts below any
// continuation, and "<prefix>$" sorts after everything that starts "<prefix>#".
// Sorting keys (UTF-8 byte order, as DynamoDB does) sorts the values.
// ---------------------------------------------------------------------------
/** Strings: characters up to "$" become "$" + the character shifted by 0x40 ("#" → "$c", " " → "$\`"). */
function encString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new TypeError(\`"\${name}" must be a string, got \${typeof value}\`);
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += code <= 0x24 ? '$' + String.fromCharCode(code + 0x40) : value.charAt(i);
  }
  return out;
}

/** A string value as it is, for a native key attribute (S): the record's own value, never encoded. */
function checkString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new TypeError(\`"\${name}" must be a string, got \${typeof value}\`);
  return value;
}

/** A number the SDK sends as it is and DynamoDB stores: 0, or magnitude 1E-130 to 9007199254740991 (Number.MAX_SAFE_INTEGER). */
function checkNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(\`"\${name}" must be a finite number, got \${String(value)}\`);
  const magnitude = Math.abs(value);
  if (magnitude > Number.MAX_SAFE_INTEGER || (magnitude !== 0 && magnitude < 1e-130)) {
    throw new RangeError(\`"\${name}" is \${value}: numbers must be 0 or of magnitude 1E-130 (DynamoDB's smallest) to 9007199254740991 (the largest the AWS SDK sends as a plain number)\`);
  }
  return value;
}

/** Numbers: "P" + exponent + 400 + "." + digits (15847 → "P404.15847"); zero "P000"; negatives "N" + complements + "~". */
function encNumber(value: unknown, name: string): string {
  const n = checkNumber(value, name);
  if (n === 0) return 'P000';
  const [mantissa = '0', exponentText = '0'] = Math.abs(n).toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  if (n > 0) return 'P' + String(exponent + 400).padStart(3, '0') + '.' + digits;
  let complement = '';
  for (const d of digits) complement += String(9 - Number(d));
  return 'N' + String(599 - exponent).padStart(3, '0') + '.' + complement + '~';
}

/** Booleans: "false" < "true". */
function encBoolean(value: unknown, name: string): string {
  if (typeof value !== 'boolean') throw new TypeError(\`"\${name}" must be a boolean, got \${typeof value}\`);
  return value ? 'true' : 'false';
}

/** UTF-8 byte order, as DynamoDB compares keys. */
function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** An inclusive sort-key range; an empty one when low > high (DynamoDB refuses those), as no key equals "<prefix>$". */
function range(low: string, high: string, empty: string): { low: string; high: string } {
  return compareUtf8(low, high) <= 0 ? { low, high } : { low: empty, high: empty };
}

function pair<T>(value: readonly [T, T] | unknown, name: string): readonly [T, T] {
  if (!Array.isArray(value) || value.length !== 2) throw new TypeError(\`"\${name}" must be [low, high]\`);
  return value as unknown as readonly [T, T];
}

/**
 * A parameter's value checked for its attribute's type before any request is built (queries/patternParameters.ts,
 * parameterValueProblem): dates YYYY-MM-DD and datetimes YYYY-MM-DDTHH:mm:ss.sssZ are real calendar days; a
 * begins_with prefix is text, of a date the start of one ("2024-0"); a between pair is [low, high].
 */
function checkParam(value: unknown, name: string, type: 'string' | 'number' | 'boolean' | 'date' | 'datetime', shape: 'value' | 'pair' | 'prefix'): void {
  const accepts1: Record<typeof type, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    date: 'a date YYYY-MM-DD (a real calendar day)',
    datetime: 'a datetime YYYY-MM-DDTHH:mm:ss.sssZ (a real calendar day, UTC)',
  };
  const isDay = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= ([31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0);
  const isValue = (v: unknown): boolean => {
    if (type === 'string') return typeof v === 'string';
    if (type === 'number') return typeof v === 'number' && Number.isFinite(v);
    if (type === 'boolean') return typeof v === 'boolean';
    const m = typeof v !== 'string' ? null : type === 'date' ? /^(\\d{4})-(\\d{2})-(\\d{2})$/.exec(v) : /^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})\\.\\d{3}Z$/.exec(v);
    return m !== null && isDay(Number(m[1]), Number(m[2]), Number(m[3])) && (type === 'date' || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60));
  };
  // Endings that complete a date or datetime prefix: it starts a value when one of them in its place makes one.
  const ends = type === 'date' ? ['0000-01-01', '0000-01-10'] : type === 'datetime' ? ['0000-01-01T00:00:00.000Z', '0000-01-10T00:00:00.000Z'] : undefined;
  let ok: boolean;
  if (shape === 'pair') ok = Array.isArray(value) && value.length === 2 && value.every(isValue);
  else if (shape === 'prefix')
    ok = typeof value === 'string' && (ends === undefined || ends.some((end) => value.length <= end.length && isValue(value + end.slice(value.length))));
  else ok = isValue(value);
  if (ok) return;
  const accepts = shape === 'pair' ? \`[low, high], each \${accepts1[type]}\` : shape === 'prefix' ? (ends === undefined ? 'text' : \`text, the start of \${accepts1[type]}\`) : accepts1[type];
  const got = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? \`an array of \${value.length}\` : String(value);
  throw new TypeError(\`"\${name}" takes \${accepts}, got \${got}\`);
}
`;

/** The runtime's functions, by name. */
export type RuntimeHelper = 'checkString' | 'checkNumber' | 'encString' | 'encNumber' | 'encBoolean' | 'compareUtf8' | 'range' | 'pair' | 'checkParam';
export const RUNTIME_HELPERS: readonly RuntimeHelper[] = [
  'encString',
  'checkString',
  'checkNumber',
  'encNumber',
  'encBoolean',
  'compareUtf8',
  'range',
  'pair',
  'checkParam',
];

/** The helpers each helper calls. */
const CALLS: Partial<Record<RuntimeHelper, RuntimeHelper[]>> = { encNumber: ['checkNumber'], range: ['compareUtf8'] };

/** The comment that opens the runtime, then one block per function (its doc comment and body). */
const FIRST_BLOCK = RUNTIME_SOURCE.indexOf('\n/**') + 1;
const RUNTIME_HEADER = RUNTIME_SOURCE.slice(0, FIRST_BLOCK).trimEnd();
const BLOCKS: ReadonlyMap<string, string> = new Map(
  RUNTIME_SOURCE.slice(FIRST_BLOCK)
    .trimEnd()
    .split(/\n\n(?=\/\*\*|function )/)
    .map((block) => [/function (\w+)/.exec(block)?.[1] ?? '', block]),
);

/**
 * The runtime with only the functions the emitters called for (and what those
 * call), in the runtime's own order: a pasted module stays free of unused
 * code. Decided from what the design needs, never from the module's text.
 */
export function runtimeFor(helpers: ReadonlySet<RuntimeHelper>): string {
  const wanted = new Set<RuntimeHelper>();
  const add = (h: RuntimeHelper) => {
    if (wanted.has(h)) return;
    wanted.add(h);
    for (const c of CALLS[h] ?? []) add(c);
  };
  helpers.forEach(add);
  if (wanted.size === 0) return '';
  const blocks = RUNTIME_HELPERS.filter((h) => wanted.has(h)).map((h) => BLOCKS.get(h) ?? '');
  return `${RUNTIME_HEADER}\n${blocks.join('\n\n')}`;
}

/** The whole runtime, for tests that hold it equal to the engine's encoding. */
export const FULL_RUNTIME = RUNTIME_SOURCE;
