// Orders strings as DynamoDB does: by the bytes of their UTF-8 encoding.
// UTF-8 byte order is code point order, which differs from JavaScript's
// UTF-16 code unit order (`<`, `sort()`): a character above U+FFFF is stored
// as a surrogate pair (0xD800–0xDFFF) and so sorts *before* U+E000–U+FFFF in
// UTF-16, but *after* them in UTF-8. No encoding, no allocation.

/** Moves code units so that surrogates sort above U+E000–U+FFFF (code point order). */
function fixup(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` by UTF-8 bytes. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) < fixup(y) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
