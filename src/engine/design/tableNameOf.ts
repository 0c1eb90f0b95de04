// Table names: DynamoDB's rule ([A-Za-z0-9_.-], 3..255 characters), checked
// wherever a name enters (derive options, the CLI's --table, the Run panel), and
// a valid name made from a model's title.

export const TABLE_NAME_RULE = 'a DynamoDB table name is 3 to 255 characters of A-Z, a-z, 0-9, "_", "-" and "."';

/** Why `name` is not a DynamoDB table name, or undefined when it is one. */
export function tableNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 255) return `${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)} has ${name.length} characters: ${TABLE_NAME_RULE}`;
  const bad = /[^A-Za-z0-9_.-]/.exec(name);
  if (bad) {
    const what = /\s/.test(bad[0]) ? (bad[0] === ' ' ? 'a space' : 'a line break or other white space') : JSON.stringify(bad[0]);
    return `${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)} contains ${what} at position ${bad.index + 1}: ${TABLE_NAME_RULE}`;
  }
  return undefined;
}

/** A valid DynamoDB table name from a model's title. */
export function tableNameOf(title: string): string {
  const words = title.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const name = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('').slice(0, 200);
  return name.length >= 3 ? name : `${name}Table`;
}
