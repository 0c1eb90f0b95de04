// The kept layout as it travels in the user's work (autosave, share links): a
// design.json document (DESIGN-FORMAT.md) that holds the layout alone, so the
// engine's own reader checks every field when it comes back. What is not
// exactly a layout the app could have written is refused whole.
import { layoutDocument as engineLayoutDocument, parseDesignJson, type DesignLayout } from '../engine/index.ts';

/**
 * The layout as a design.json document (the engine's `layoutDocument`: fields in a fixed order, templates in
 * index order, so one layout always writes the same document). Its `model` is left empty: the model is the
 * work's own source.
 */
export function layoutDocument(layout: DesignLayout): Record<string, unknown> {
  return engineLayoutDocument(layout, '');
}

/**
 * The layout a document read back holds, or undefined when it is not one: anything the engine's
 * reader reports (an error, or even a warning such as an unknown field) means it is not what
 * layoutDocument wrote, and the whole value is dropped.
 */
export function readLayoutDocument(value: unknown): DesignLayout | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return undefined;
  }
  const parsed = parseDesignJson(text);
  if (!parsed.design || parsed.diagnostics.length > 0) return undefined;
  const { tableName, entityAttribute, indexes, entities } = parsed.design;
  return { tableName, entityAttribute, indexes, entities };
}
