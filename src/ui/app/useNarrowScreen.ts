// Whether the window is narrower than the width at which the editor and the panels
// fit side by side: below it they stack (the editor above), each full width.
import { useSyncExternalStore } from 'react';

/** Below this width (CSS pixels) the workspace stacks; app.css's media queries use the same number. */
export const NARROW_MAX_WIDTH = 899;
const QUERY = `(max-width: ${String(NARROW_MAX_WIDTH)}px)`;

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
