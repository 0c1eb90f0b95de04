// Test helper: a generated module's paged execute read page by page, and
// executeAll's answer in the same form, so the two can be held equal.

export interface Page {
  items: unknown[];
  cursor?: string;
}
export type PagedExecute<C> = (client: C, params: unknown, options?: { limit?: number; cursor?: string }) => Promise<Page>;

/** Every page of a pattern at `limit` records, each cursor passed back until a page has none. */
export async function everyPage<C>(execute: PagedExecute<C>, client: C, params: unknown, limit: number): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const page = await execute(client, structuredClone(params), { limit, ...(cursor === undefined ? {} : { cursor }) });
    pages.push(page);
    cursor = page.cursor;
    if (pages.length > 10_000) throw new Error('more than 10,000 pages');
  } while (cursor !== undefined);
  return pages;
}

/**
 * executeAll's answer as a list, and the pages' records in the same form: an include's
 * records by entity in `entities`' order (each entity's in the order they came), one
 * record or none as a list.
 */
export function answerList(answer: unknown, entities: readonly string[] | undefined): unknown[] {
  if (entities) {
    const byEntity = answer as Record<string, unknown[]>;
    return [...new Set(entities)].flatMap((entity) => (byEntity[entity] ?? []).map((record) => ({ entity, record })));
  }
  if (Array.isArray(answer)) return answer;
  return answer === undefined ? [] : [answer];
}

/** The pages' records in answerList's form: an include's `{ entity, record }` stream grouped by entity. */
export function pagedList(pages: readonly Page[], entities: readonly string[] | undefined): unknown[] {
  const list = pages.flatMap((page) => page.items);
  if (!entities) return list;
  return [...new Set(entities)].flatMap((entity) => list.filter((x) => (x as { entity: string }).entity === entity));
}
