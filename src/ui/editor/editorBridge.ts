// Lets other parts of the UI (the problems list, the stale banner) move the
// editor's cursor to a place, whichever editor is mounted (Monaco or the
// plain textarea shown while Monaco loads). No Monaco import here.
type Reveal = (line: number, column: number) => void;

let current: Reveal | undefined;

/** Registers the mounted editor; returns the function that unregisters it. */
export function registerEditor(reveal: Reveal): () => void {
  current = reveal;
  return () => {
    if (current === reveal) current = undefined;
  };
}

/** Focuses the editor with the cursor at a 1-based line and column. */
export function revealInEditor(line: number, column: number): void {
  current?.(line, column);
}
