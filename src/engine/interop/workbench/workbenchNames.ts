// Names for what a Workbench file calls otherwise: entity names (PascalCase
// identifiers, FORMAT.md "Rules"), attribute names (identifiers, camelCase when
// made up), each unique where it must be.
import { isIdentifier } from '../../model/isIdentifier.ts';
import { splitWords } from '../../model/splitWords.ts';

/** The words of a text: split at anything not a letter or digit, and where splitWords splits a name. */
function words(text: string): string[] {
  return text
    .split(/[^A-Za-z0-9]+/)
    .flatMap((w) => splitWords(w))
    .filter((w) => w !== '');
}

/** `report_id` → `reportId`, `Date-Time Read` → `dateTimeRead`, `PK` → `pk`; `''` when the text has no letter or digit. */
export function camelName(text: string): string {
  const ws = words(text);
  const joined = ws.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[0-9]/.test(joined) ? `a${joined}` : joined;
}

/** `warehouseItem` → `WarehouseItem`, `action_metadata` → `ActionMetadata`, `SEAT` → `Seat`; `''` when the text has no letter or digit. */
export function pascalName(text: string): string {
  const ws = words(text);
  const joined = ws.map((w) => w[0]?.toUpperCase() + w.slice(1).toLowerCase()).join('');
  return /^[0-9]/.test(joined) ? `E${joined}` : joined;
}

/** An entity name for a text: the text itself when it is an identifier that starts upper-case, else its PascalCase. */
export function entityNameOf(text: string, fallback: string): string {
  if (isIdentifier(text) && /^[A-Z]/.test(text)) return text;
  if (isIdentifier(text) && /^[a-z]/.test(text)) return text[0]?.toUpperCase() + text.slice(1);
  return pascalName(text) || fallback;
}

/** An attribute name for a text: the text itself when it is an identifier, else its camelCase. */
export function attributeNameOf(text: string, fallback: string): string {
  if (isIdentifier(text)) return text;
  return camelName(text) || fallback;
}

/** `name`, else `name2`, `name3`...: the first not in `taken`, which it joins. */
export function uniqueName(name: string, taken: Set<string>): string {
  let n = name;
  for (let i = 2; taken.has(n); i++) n = `${name}${String(i)}`;
  taken.add(n);
  return n;
}

/**
 * A key attribute named for its role, not its content (`PK`, `SK`, `pk`, `GSI1PK`, `GSI1-SK`, `GS2PK`,
 * `PK1`, `Sharded-GSI-PK`, `GSI_Owner_PK`): its values are keys made of other attributes.
 */
export function isRoleKeyName(name: string): boolean {
  return /^(pk|sk)\d*$/i.test(name) || /[^A-Za-z](pk|sk)\d*$/i.test(name) || /[a-z0-9](PK|SK)\d*$/.test(name) || /^gsi?\d*[-_]?(pk|sk)/i.test(name);
}
