// WAI-ARIA tabs' keyboard: which tab an arrow, Home or End key moves to.

/** The index `key` moves to from tab `at` of `count` (arrows wrap around), or undefined for another key. */
export function tabKeyTarget(key: string, at: number, count: number): number | undefined {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
