// The key templates of a design, as lines Tablewright writes into a Workbench
// model's Description (Workbench shows it beside the model) and reads back: a
// facet's key aliases hold only the table's key, so this note carries each
// entity's key and its templates in every GSI too, and an export re-imports
// to the same layout even where the sample keys alone would leave it open
// (a shard component, two attributes with equal sample values).
//
//   Key templates (Tablewright):
//   Order (key orderId; label ORDER) in table: USER#{userEmail} | ORDER#{createdAt}#{orderId}
//   Order in GSI1: ORDER#{status} | ORDER#{createdAt}#{orderId}
import { keyTemplateText } from '../../design/templateText.ts';
import type { DesignLayout } from '../../design/types.ts';
import type { Model } from '../../model/types.ts';

export const DESIGN_NOTE_HEADING = 'Key templates (Tablewright):';

/** Entity → its key and label (when the note states them) and index name → [partition key template, sort key template]. */
export type DesignNote = Map<string, { key?: string[]; label?: string; templates: Map<string, { pk: string; sk: string }> }>;

/** The note for a composite layout (native GSIs have no template text to read back: they are left out). */
export function designNote(model: Model, layout: DesignLayout): string {
  const lines = [DESIGN_NOTE_HEADING];
  for (const e of layout.entities) {
    const entity = model.entities.find((x) => x.name === e.entity);
    for (const index of layout.indexes) {
      const t = Object.hasOwn(e.keys, index.name) ? e.keys[index.name] : undefined;
      if (!t || index.keys === 'native') continue;
      const key = index.name === 'table' && entity ? ` (key ${entity.key.join(', ')}; label ${e.label})` : '';
      lines.push(`${e.entity}${key} in ${index.name}: ${keyTemplateText(t.pk)} | ${keyTemplateText(t.sk)}`);
    }
  }
  return lines.join('\n');
}

const LINE = /^([A-Za-z_][A-Za-z0-9_]*)(?: \(key ([A-Za-z0-9_, ]+); label ([^\s;()]+)\))? in ([A-Za-z0-9_.-]+): (.*) \| (.*)$/;

/** The note in a Description, if it has one (lines that do not read are skipped: the sample keys decide there). */
export function readDesignNote(description: string | undefined): DesignNote | undefined {
  if (description === undefined) return undefined;
  const lines = description.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === DESIGN_NOTE_HEADING);
  if (start < 0) return undefined;
  const note: DesignNote = new Map();
  for (const line of lines.slice(start + 1)) {
    const m = LINE.exec(line.trim());
    if (!m) continue;
    const [, entity = '', key, label, index = '', pk = '', sk = ''] = m;
    const entry = note.get(entity) ?? { templates: new Map<string, { pk: string; sk: string }>() };
    if (key !== undefined)
      entry.key = key
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '');
    if (label !== undefined) entry.label = label;
    entry.templates.set(index, { pk, sk });
    note.set(entity, entry);
  }
  return note;
}

/** The Description less the note (what the model's own source says). */
export function withoutDesignNote(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  const lines = description.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === DESIGN_NOTE_HEADING);
  const rest = (start < 0 ? lines : lines.slice(0, start)).join('\n').trim();
  return rest === '' ? undefined : rest;
}
