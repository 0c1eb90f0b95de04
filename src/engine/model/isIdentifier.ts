// The one rule for names in a model (FORMAT.md): ASCII identifiers.

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when `name` is `[A-Za-z_][A-Za-z0-9_]*`. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}
