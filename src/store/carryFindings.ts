// The last design review's findings, placed again in a newer model while that model's own review runs: the
// editor's markers, the Problems list and the Design panel keep them instead of dropping them at each key
// and showing them again a moment later. A finding about a pattern or an entity follows it by its name
// (`patterns[3]` becomes `patterns[2]` when a pattern above it went); one whose pattern or entity is gone,
// or whose place is no longer in the source, is dropped. The review's own findings replace them all.
import type { Diagnostic, Model, ReadonlySourceMap } from '../engine/index.ts';
import { locate } from './locateDiagnostic.ts';

/** `patterns[3].consistent` → ['patterns', 3, '.consistent']. */
const LEAD = /^(patterns|entities)\[(\d+)\](.*)$/s;

export function carryFindings(findings: readonly Diagnostic[], model: Model, sourceMap: ReadonlySourceMap): Diagnostic[] {
  const carried: Diagnostic[] = [];
  const places = placesIn(model);
  for (const finding of findings) {
    const path = placedPath(finding, places);
    if (path === null) continue;
    // Placed afresh: the span it had was in the text it was made for.
    const { span: _old, path: _path, ...rest } = finding;
    const placed = locate(path === undefined ? rest : { ...rest, path }, sourceMap);
    if (placed.span !== undefined) carried.push(placed);
  }
  return carried;
}

type Places = Record<'patterns' | 'entities', () => ReadonlyMap<string, number>>;

/** Each pattern's and entity's position in the model by name (the first of a name), made once asked for. */
function placesIn(model: Model): Places {
  const once = (names: () => string[]) => {
    let at: Map<string, number> | undefined;
    return () => {
      if (at === undefined) {
        at = new Map();
        for (const [i, name] of names().entries()) if (!at.has(name)) at.set(name, i);
      }
      return at;
    };
  };
  return { patterns: once(() => model.patterns.map((p) => p.name)), entities: once(() => model.entities.map((e) => e.name)) };
}

/** The finding's path in the model (undefined: it has none, the whole design), or null when what it names is gone. */
function placedPath({ path, subject }: Diagnostic, places: Places): string | undefined | null {
  if (path === undefined) return undefined;
  const lead = LEAD.exec(path);
  if (lead === null) return path;
  const [, list, , rest] = lead as unknown as [string, 'patterns' | 'entities', string, string];
  const name = list === 'patterns' ? subject?.pattern : subject?.entity;
  const at = name === undefined ? undefined : places[list]().get(name);
  return at === undefined ? null : `${list}[${String(at)}]${rest}`;
}
