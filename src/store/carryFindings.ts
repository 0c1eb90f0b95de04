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
  for (const finding of findings) {
    const path = placedPath(finding, model);
    if (path === null) continue;
    // Placed afresh: the span it had was in the text it was made for.
    const { span: _old, path: _path, ...rest } = finding;
    const placed = locate(path === undefined ? rest : { ...rest, path }, sourceMap);
    if (placed.span !== undefined) carried.push(placed);
  }
  return carried;
}

/** The finding's path in `model` (undefined: it has none, the whole design), or null when what it names is gone. */
function placedPath({ path, subject }: Diagnostic, model: Model): string | undefined | null {
  if (path === undefined) return undefined;
  const lead = LEAD.exec(path);
  if (lead === null) return path;
  const [, list, , rest] = lead as unknown as [string, 'patterns' | 'entities', string, string];
  const name = list === 'patterns' ? subject?.pattern : subject?.entity;
  if (name === undefined) return null;
  const at = list === 'patterns' ? model.patterns.findIndex((p) => p.name === name) : model.entities.findIndex((e) => e.name === name);
  return at === -1 ? null : `${list}[${String(at)}]${rest}`;
}
