// Where a name's words start, for every reader of names that needs its words
// (entity labels, sample-value guesses): one rule, linear in the name's length.

/**
 * Splits before an upper-case letter that follows a lower-case letter or a digit
 * (`topScore` → top|Score, `item2Id` → item2|Id) and before the last capital of a
 * run that starts a word (`imageURLPath` → image|URL|Path). Every other character
 * (`_`, `-`, spaces, digits) stays in its word; `''` gives `[]`.
 */
export function splitWords(name: string): string[] {
  if (name === '') return [];
  // Each alternative looks one character back and at most two ahead: constant work per position.
  return name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
}
