// Whether a problem the user brings (a file, a drop, a paste) loads, and in which form: its errors
// and warnings as the messages the app shows. Pure, so it runs in problemCheck.worker.ts for a big
// text (see checkProblem in openProblem.ts) and on the page for a small one.
import { formatDiagnostic, loadProblem } from '../../engine/index.ts';

export interface ProblemCheck {
  form: 'json' | 'text';
  /** True when the text holds a model (it has no errors). */
  loads: boolean;
  errors: string[];
  /** Every diagnostic, formatted (the warnings of a model that loads). */
  all: string[];
}

/** Reads `text` on the calling thread. */
export function checkProblemNow(text: string): ProblemCheck {
  const parsed = loadProblem(text);
  return {
    form: parsed.form,
    loads: parsed.model !== undefined,
    errors: parsed.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic),
    all: parsed.diagnostics.map(formatDiagnostic),
  };
}
