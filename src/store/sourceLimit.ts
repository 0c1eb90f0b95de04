// The largest model the app takes, checked at every entry (a file, a drop, the Paste dialog, a
// share link, typing or pasting into the editor, the store's own setSource/openSource), so the page
// stays responsive: past it the input is refused with a message naming the limit and its size, and
// the current work stays as it was (never replaced by a cut-down text).
//
// Why 2,000,000 characters (measured in Node on a synthetic text model, see README "Limits"): at
// 1.65 million characters the parse alone takes about 0.6 s and the editor's outline scan (behind
// completions and hover) about 0.25 s; both now run off the typing path, but the work still grows
// with the text, and a 10 MB model spent about 3 s of main-thread time before this limit. A
// model of 2,000,000 characters is still some 25 times the 1,000-pattern model of the bench.

/** The most characters a model (either form) may have. */
export const MAX_SOURCE_CHARS = 2_000_000;

/**
 * The most bytes a file may have before it is read at all: UTF-8 takes at most 3 bytes for each
 * UTF-16 character, so a bigger file cannot hold a model within MAX_SOURCE_CHARS.
 */
export const MAX_SOURCE_FILE_BYTES = 3 * MAX_SOURCE_CHARS;

const count = (n: number) => n.toLocaleString('en-US');

/** A size in the words the messages use: "2,450,000 characters (2.4 MB)". */
function sizeText(chars: number, unit: 'characters' | 'bytes'): string {
  return `${count(chars)} ${unit} (${(chars / 1_000_000).toFixed(1)} MB)`;
}

/** True when a text of `length` characters is within the limit. */
export function withinSourceLimit(length: number): boolean {
  return length <= MAX_SOURCE_CHARS;
}

/**
 * Why a model of `length` characters is refused, or undefined when it is within the limit.
 * `what` names the input ("report.json", "The pasted model", "This edit").
 */
export function sourceSizeProblem(length: number, what: string): string | undefined {
  if (withinSourceLimit(length)) return undefined;
  return `${what} was not opened: it has ${sizeText(length, 'characters')} and a model may have at most ${count(MAX_SOURCE_CHARS)} characters. Your current work was kept.`;
}

/** Why a file of `bytes` bytes is refused before it is read, or undefined when it may hold a model within the limit. */
export function fileSizeProblem(bytes: number, name: string): string | undefined {
  if (bytes <= MAX_SOURCE_FILE_BYTES) return undefined;
  return `${name} was not opened: at ${sizeText(bytes, 'bytes')} it is bigger than any model within the limit of ${count(MAX_SOURCE_CHARS)} characters. Your current work was kept.`;
}

/** Why an edit that would make the model `length` characters long is refused, or undefined. */
export function editSizeProblem(length: number): string | undefined {
  if (withinSourceLimit(length)) return undefined;
  return `That edit was not applied: the model would have ${sizeText(length, 'characters')} and a model may have at most ${count(MAX_SOURCE_CHARS)} characters. Your text was kept as it was.`;
}
