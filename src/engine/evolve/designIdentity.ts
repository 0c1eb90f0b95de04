// A design's identity: a short, stable hash of its layout's contract part (the
// entity attribute, every index's key schema and projection, every entity's label
// and key templates; DESIGN-FORMAT.md "The layout"). The runner stores it in the
// tag `tablewright:design` of a table it creates, and a migration refuses a table
// whose tag is not the design it starts from. The table name is not part of it
// (one design may be deployed under several names), nor the model's name.
import { layoutDocument } from '../design/designJson.ts';
import type { DesignLayout } from '../design/types.ts';

/** The tag key a table created by Tablewright carries, holding `designIdentity` of its layout. */
export const DESIGN_TAG = 'tablewright:design';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** 16 hex digits: FNV-1a (64 bits) over the UTF-16 code units of the layout document, as layoutDocument writes it. Finds a change, no signature. */
export function designIdentity(layout: DesignLayout): string {
  const { entityAttribute, indexes, entities } = layoutDocument(layout, '');
  const text = JSON.stringify({ entityAttribute, indexes, entities });
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * FNV_PRIME) & MASK;
  return hash.toString(16).padStart(16, '0');
}
