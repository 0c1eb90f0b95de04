// A valid DynamoDB table name ([A-Za-z0-9_.-], 3..255) from a model's title.
export function tableNameOf(title: string): string {
  const words = title.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const name = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('').slice(0, 200);
  return name.length >= 3 ? name : `${name}Table`;
}
