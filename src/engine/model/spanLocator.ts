// Offsets → 1-based line/column spans. Line breaks are \r\n, \n and \r, as in the editor,
// so a span found here is where the editor shows it.
import type { Span } from './diagnostics.ts';

/** Returns a function that turns [start, end) offsets of `text` into a Span (end defaults to start). */
export function spanLocator(text: string): (start: number, end?: number) => Span {
  const starts: number[] = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);

  const position = (offset: number): [number, number] => {
    const at = Math.max(0, Math.min(text.length, offset));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    const lineStart = starts[low] ?? 0;
    const lineEnd = ends[low] ?? text.length;
    return [low + 1, Math.min(at, lineEnd) - lineStart + 1];
  };

  return (start, end = start) => {
    const [line, column] = position(start);
    const [endLine, endColumn] = position(Math.max(start, end));
    return { line, column, endLine, endColumn };
  };
}
