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

/** Numbers: "P" + exponent + 400 + "." + digits (15847 → "P404.15847"); zero "P000"; negatives "N" + complements + "~". */
function encNumber(value: unknown, name: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(\`"\${name}" must be a finite number, got \${String(value)}\`);
  if (value === 0) return 'P000';
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  if (value > 0) return 'P' + String(exponent + 400).padStart(3, '0') + '.' + digits;
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
`;

/** The runtime with only the functions the module calls (a pasted module stays free of unused code). */
export function runtimeFor(body: string): string {
  const blocks = RUNTIME_SOURCE.trimEnd().split(/\n\n(?=\/\*\*|function )/);
  const [header = '', ...functions] = blocks;
  const needed = (name: string) => new RegExp(`\\b${name}\\(`).test(body);
  const keep = functions.filter((f) => {
    const name = /function (\w+)/.exec(f)?.[1] ?? '';
    return needed(name) || (name === 'compareUtf8' && needed('range'));
  });
  return [header, ...keep].join('\n\n');
}

/** The whole runtime, for tests that hold it equal to the engine's encoding. */
export const FULL_RUNTIME = RUNTIME_SOURCE;
