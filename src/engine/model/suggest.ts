// "Did you mean" for unknown names: the closest candidate by edit distance.
// Bounded work: long names get no suggestion, far candidates are skipped early.

const MAX_SUGGESTED_LENGTH = 100;
/** Candidates compared at most, so that one suggestion costs little whatever the model's size. */
const MAX_COMPARISONS = 1000;

/** The candidate closest to `name` (case-insensitive, transpositions cost 1), if it is close enough. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length === 0 || name.length > MAX_SUGGESTED_LENGTH) return undefined;
  const lower = name.toLowerCase();
  const n = name.length;
  const limit = n <= 4 ? 1 : n <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  let comparisons = 0;
  for (const candidate of candidates) {
    if (comparisons++ >= MAX_COMPARISONS) break;
    if (candidate === name || candidate.length > MAX_SUGGESTED_LENGTH) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    if (Math.abs(candidate.length - n) > limit) continue;
    const distance = editDistance(lower, candidateLower, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** ` — did you mean "x"?` when there is a suggestion, else the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const found = suggest(name, candidates);
  return found === undefined ? '' : ` — did you mean ${JSON.stringify(found)}?`;
}

/** Optimal string alignment distance; returns limit + 1 as soon as it must exceed limit. */
function editDistance(a: string, b: string, limit: number): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? limit + 1;
}
