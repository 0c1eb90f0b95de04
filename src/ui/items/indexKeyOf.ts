// Which items an index holds, and where: the engine's one answer (design/indexKeyOf.ts,
// which the in-memory evaluator reads too), and a partition as the grid's header shows it.
import { isNativeIndex, type IndexKeySchema, type KeyValue } from '../../engine/index.ts';

export { compareKeyValues, indexKeyOf, type KeyValue } from '../../engine/index.ts';

/**
 * A partition as the grid's header shows it: a composite key's value (`ORDER#open`), or a native
 * key's values joined as its template is (`"Order" + "open"`, a number bare: `"Order" + 42`).
 */
export function partitionText(pk: readonly KeyValue[], index: IndexKeySchema): string {
  if (!isNativeIndex(index)) return String(pk[0] ?? '');
  return pk.map((v) => (typeof v === 'number' ? String(v) : JSON.stringify(v))).join(' + ');
}
