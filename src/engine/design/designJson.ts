// The design as stable, indented JSON (the CLI writes it beside the module).
import type { Design } from './types.ts';
import { tableDefinition } from './tableDefinition.ts';

export function designJson(design: Design): string {
  const { model, ...rest } = design;
  return `${JSON.stringify({ model: model.name, ...rest, tableDefinition: tableDefinition(design) }, null, 2)}\n`;
}
