// JSON-shaped data as block YAML, for the CloudFormation export. A string is
// printed plain only when every YAML reader (1.1 and 1.2) reads it back as that
// string: a word of letters, digits and `_ . -` (and `::` between them, as in
// `AWS::DynamoDB::Table`) that is no boolean, null or number word. Everything
// else is double-quoted with every character that could end it, fold it or that
// YAML does not allow written as an escape, so user text stays one string.

export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*(?:::[A-Za-z0-9_.-]+)*$/;
// Words YAML 1.1 or 1.2 read as something other than a string (booleans, null, and the like).
const SPECIAL = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

/** A YAML scalar holding exactly `s`. */
export function yamlString(s: string): string {
  if (PLAIN.test(s) && !SPECIAL.test(s)) return s;
  return `"${s.replace(NEEDS_ESCAPE, escape)}"`;
}

// Backslash and quote end the scalar; C0/C1 controls, DEL, NEL and the line/paragraph separators
// are line breaks or not printable in some YAML version; lone surrogates and U+FFFE/U+FFFF cannot be written.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function escape(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function scalar(value: string | number | boolean | null): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${value} has no YAML form here`);
    return String(value);
  }
  return String(value);
}

const isScalar = (v: YamlValue): v is string | number | boolean | null => v === null || typeof v !== 'object';

/** `value` as a YAML document (a mapping or a sequence at the top), ending with a newline. */
export function yamlText(value: YamlValue): string {
  return `${block(value, 0).join('\n')}\n`;
}

function block(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isScalar(value)) return [`${pad}${scalar(value)}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return (value as readonly YamlValue[]).flatMap((item) => {
      if (isScalar(item) || isEmpty(item)) return [`${pad}- ${inline(item)}`];
      // A nested collection starts on the dash's line, its later lines under its first.
      const lines = block(item, indent + 2);
      return [`${pad}- ${(lines[0] ?? '').slice(indent + 2)}`, ...lines.slice(1)];
    });
  }
  const entries = Object.entries(value).filter((e): e is [string, YamlValue] => e[1] !== undefined);
  if (entries.length === 0) return [`${pad}{}`];
  return entries.flatMap(([key, item]) => {
    if (isScalar(item) || isEmpty(item)) return [`${pad}${yamlString(key)}: ${inline(item)}`];
    return [`${pad}${yamlString(key)}:`, ...block(item, indent + 2)];
  });
}

function isEmpty(value: YamlValue): boolean {
  return typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length === 0 : Object.values(value).every((v) => v === undefined));
}

function inline(value: YamlValue): string {
  if (isScalar(value)) return scalar(value);
  return Array.isArray(value) ? '[]' : '{}';
}
