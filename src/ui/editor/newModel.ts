// "New model": the short commented skeleton the header's Examples menu starts from, and
// whether the current work would be lost by opening another model (then the app asks).

export const NEW_MODEL_TEXT = `# A model: entities (the records you store) and access patterns (the reads you need).
# Hover a keyword for its meaning; the ? above the editor lists them all.
model "My app"

# An entity: its name, then key (the attribute that identifies one record).
entity Item key itemId count 100
  # Attribute lines are indented: name: type (string, number, boolean, date, datetime).
  itemId: string
  createdAt: datetime

# A pattern: name: Entity by (what the caller gives) ... returns one or many.
getItem: Item by itemId returns one
`;

/** True when `text` is work of the user's own: neither empty, nor an example or the skeleton as opened. */
export function workChanged(text: string, openedTexts: readonly string[]): boolean {
  return text.trim() !== '' && text !== NEW_MODEL_TEXT && !openedTexts.includes(text);
}
