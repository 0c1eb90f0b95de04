// lz-string's decompressFromEncodedURIComponent, with a bound on what it writes.
// lz-string's own decoder has none, and its format lets each code repeat the last
// output plus one character, so a crafted link of n codes expands to about n²/2
// characters (see shareLink.test.ts): this one stops at `maxChars` instead.
// Same bit reader, dictionary and codes as lz-string 1.5 (MIT), which writes the links.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUES = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));

export type Decompressed =
  | { kind: 'ok'; text: string }
  /** Not something lz-string wrote: cut short, or not lz-string at all. */
  | { kind: 'damaged' }
  /** It would write more than `maxChars` characters. */
  | { kind: 'tooLarge' };

export function decompressFromEncodedURIComponent(input: string, maxChars: number): Decompressed {
  if (input === '') return { kind: 'damaged' };
  // Six bits per character, most significant first; characters past the end read as zeros.
  const valueAt = (i: number): number => (i < input.length ? (VALUES.get(input.charCodeAt(i)) ?? 0) : 0);
  let value = valueAt(0);
  let position = 32;
  let index = 1;
  // A number of `width` bits, least significant first.
  const read = (width: number): number => {
    let bits = 0;
    for (let bit = 0; bit < width; bit++) {
      if ((value & position) !== 0) bits += 2 ** bit;
      position >>= 1;
      if (position === 0) {
        position = 32;
        value = valueAt(index++);
      }
    }
    return bits;
  };

  // Codes 0 and 1 bring a new 8- or 16-bit character, 2 ends the text, 3 and up name a dictionary entry.
  const dictionary: string[] = [];
  let size = 4;
  let width = 3;
  let enlargeIn = 4;
  const first = read(2);
  if (first !== 0 && first !== 1) return { kind: 'damaged' };
  let previous = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = previous;
  const result = [previous];
  let length = previous.length;
  for (;;) {
    if (index > input.length) return { kind: 'damaged' };
    let code = read(width);
    if (code === 2) return { kind: 'ok', text: result.join('') };
    if (code === 0 || code === 1) {
      dictionary[size++] = String.fromCharCode(read(code === 0 ? 8 : 16));
      code = size - 1;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** width;
        width++;
      }
    }
    const known = dictionary[code];
    const entry = known ?? (code === size ? previous + previous.charAt(0) : undefined);
    if (entry === undefined) return { kind: 'damaged' };
    length += entry.length;
    if (length > maxChars) return { kind: 'tooLarge' };
    result.push(entry);
    dictionary[size++] = previous + entry.charAt(0);
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** width;
      width++;
    }
    previous = entry;
  }
}
