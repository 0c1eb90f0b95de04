// The entity chart's key texts, for either kind of index: the header names
// the index's partition-key and sort-key attributes (`PK`; a native index's
// several, in key order: `_type + status`), a cell the entity's template in it
// through the engine's one printer (`USER#{email}`; `"Order" + {status}`).
import { indexKeyAttributes, keyTemplateText } from '../../engine/index.ts';
import type { IndexKeySchema, KeyTemplate } from '../../engine/index.ts';

export interface ChartKeys {
  pk: string;
  sk: string;
}

/** The header cells of an index: its partition-key and sort-key attribute names. */
export function chartKeyHeaders(index: IndexKeySchema): ChartKeys {
  const { pk, sk } = indexKeyAttributes(index);
  return { pk: pk.join(' + '), sk: sk.length === 0 ? 'no sort key' : sk.join(' + ') };
}

/** The cells of an entity's template in an index. */
export function chartKeyCells(template: KeyTemplate, index: IndexKeySchema): ChartKeys {
  return { pk: keyTemplateText(template.pk, index), sk: keyTemplateText(template.sk, index) };
}
