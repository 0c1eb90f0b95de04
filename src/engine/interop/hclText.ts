// Printing user-influenced text into HCL (the Terraform export). A quoted
// template string holds exactly the text: quotes, backslashes and line breaks
// escaped, and the template sequences `${` and `%{` doubled (`$${`, `%%{`) so
// nothing in a name is ever interpolated or run as a directive
// (https://developer.hashicorp.com/terraform/language/expressions/strings).
// A lone surrogate has no UTF-8 form and HCL refuses its escape: it is written
// as U+FFFD, the replacement character.

// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f\u2028\u2029]|\$\{|%\{|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '${': '$${', '%{': '%%{' };

/** A quoted HCL string holding exactly `s` (a lone surrogate as U+FFFD). */
export function hclString(s: string): string {
  return `"${s.replace(NEEDS_ESCAPE, (c) => SHORT[c] ?? (isSurrogate(c) ? '\\ufffd' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}

const isSurrogate = (c: string) => c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff;

/** A name Terraform takes as a block label or an identifier: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function hclIdentifier(s: string): string {
  const name = s.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}
