// DynamoDB's table-name rule ([A-Za-z0-9_.-], 3..255 characters), checked wherever a
// name enters: a model's `table.name` (validateModel), derive options, the CLI's
// --table, the Run panel. Here, in the model stage, because the model checks it first.

export const TABLE_NAME_RULE = 'a DynamoDB table name is 3 to 255 characters of A-Z, a-z, 0-9, "_", "-" and "."';

/** Why `name` is not a DynamoDB table name, or undefined when it is one. */
export function tableNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 255)
    return `${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)} has ${name.length} characters: ${TABLE_NAME_RULE}`;
  const bad = /[^A-Za-z0-9_.-]/.exec(name);
  if (bad) {
    const what = /\s/.test(bad[0]) ? (bad[0] === ' ' ? 'a space' : 'a line break or other white space') : JSON.stringify(bad[0]);
    return `${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)} contains ${what} at position ${bad.index + 1}: ${TABLE_NAME_RULE}`;
  }
  return undefined;
}
