// Test helper: an lz-string text (URI-safe alphabet) crafted to expand as much as
// the format allows: one character, then `codes` codes that each name the entry
// being defined (the previous output plus its first character), so the k-th code
// writes k + 1 characters and the whole text about codes²/2.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

export function lzBomb(codes: number): { encoded: string; expandedLength: number } {
  const bits: number[] = [];
  const write = (value: number, width: number) => {
    for (let bit = 0; bit < width; bit++) bits.push(Math.floor(value / 2 ** bit) % 2);
  };
  let size = 4;
  let width = 3;
  let enlargeIn = 4;
  write(0, 2);
  write('a'.charCodeAt(0), 8);
  let expandedLength = 1;
  for (let k = 1; k <= codes; k++) {
    write(size, width);
    size++;
    expandedLength += k + 1;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** width;
      width++;
    }
  }
  write(2, width);
  do bits.push(0);
  while (bits.length % 6 !== 0);
  let encoded = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value = value * 2 + (bits[i + j] ?? 0);
    encoded += ALPHABET[value];
  }
  return { encoded, expandedLength };
}
