// How a diagnostic's kind is shown: an engine.internal error is a Tablewright
// bug, never presented as a limit of the design (by its code, not its message).
import type { Diagnostic } from '../../engine/index.ts';

export function severityLabel(d: Pick<Diagnostic, 'code' | 'severity'>): string {
  if (d.code === 'engine.internal') return 'Tablewright bug';
  return d.severity === 'error' ? 'Error' : 'Warning';
}
