// JSON paths as used in diagnostics and source maps: `entities[1].attributes[0].name`.
// Field names that are not identifiers are written `["odd name"]`.
import { isIdentifier } from './isIdentifier.ts';

/** The path of a field (string step) or an array item (number step) below `parent` ('' is the root). */
export function joinPath(parent: string, step: string | number): string {
  if (typeof step === 'number') return `${parent}[${step}]`;
  if (isIdentifier(step)) return parent === '' ? step : `${parent}.${step}`;
  return `${parent}[${JSON.stringify(step)}]`;
}

/** The path one step up (`a.b[2]` → `a.b`, `a` → ''), or undefined for the root ''. */
export function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  let lastStep = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '.') lastStep = i;
    else if (c === '[') {
      lastStep = i;
      if (path[i + 1] === '"') {
        // Skip a quoted field name, which may itself hold '.', '[' or ']'.
        i += 2;
        while (i < path.length && path[i] !== '"') i += path[i] === '\\' ? 2 : 1;
      }
    }
  }
  return path.slice(0, lastStep);
}
