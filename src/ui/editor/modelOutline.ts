// A forgiving scan of the model text for the names the editor offers while you
// type: entities and their attributes, read line by line even when the text
// has errors (the parser's model only exists once there are none).
export interface OutlineEntity {
  name: string;
  attributes: string[];
}

const ENTITY_LINE = /^entity\s+([A-Za-z_][A-Za-z0-9_]*)/;
/** `  name: ...`, or `  name?: ...` for an optional attribute. */
const ATTRIBUTE_LINE = /^\s+([A-Za-z_][A-Za-z0-9_]*)\s*\??\s*:/;

export function modelOutline(text: string): OutlineEntity[] {
  const entities: OutlineEntity[] = [];
  let current: OutlineEntity | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const entity = ENTITY_LINE.exec(line);
    if (entity?.[1] !== undefined) {
      current = { name: entity[1], attributes: [] };
      entities.push(current);
      continue;
    }
    if (/^\s*(#.*)?$/.test(line)) continue;
    const attribute = ATTRIBUTE_LINE.exec(line);
    if (attribute?.[1] !== undefined && current) current.attributes.push(attribute[1]);
    else if (!/^\s/.test(line)) current = undefined;
  }
  return entities;
}
