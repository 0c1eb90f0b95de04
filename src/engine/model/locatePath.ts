// Where a JSON path is in the source a model was read from.
import type { SourceMap, Span } from './diagnostics.ts';
import { parentPath } from './jsonPath.ts';

/** The span of `path` in the source map, or of its nearest ancestor there (the root '' last). */
export function locatePath(sourceMap: SourceMap | undefined, path: string): Span | undefined {
  if (!sourceMap) return undefined;
  for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
    const span = sourceMap.get(p);
    if (span) return span;
  }
  return undefined;
}
