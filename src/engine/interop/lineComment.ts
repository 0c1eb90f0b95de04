// User text (a model's name) on a `#` comment line of an exported file (YAML,
// HCL, shell): every line break, control character and lone surrogate becomes a
// space, so the text can neither end the comment nor make the file unreadable.

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` as the text of one comment line. */
export function lineComment(s: string): string {
  return s.replace(UNSAFE, ' ');
}
