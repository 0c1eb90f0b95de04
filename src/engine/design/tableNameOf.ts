// Table names: a valid name made from a model's title. DynamoDB's rule itself
// (tableNameProblem, TABLE_NAME_RULE) lives in the model stage, which checks a
// model's `table.name` with it; re-exported here for the callers that import it from design.

export { TABLE_NAME_RULE, tableNameProblem } from '../model/tableName.ts';

/** A valid DynamoDB table name from a model's title. */
export function tableNameOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const name = words
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('')
    .slice(0, 200);
  return name.length >= 3 ? name : `${name}Table`;
}
