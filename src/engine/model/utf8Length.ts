// The number of bytes of a string's UTF-8 encoding, without encoding it: what
// DynamoDB counts for names (table, index, attribute) and for string sizes.

export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
