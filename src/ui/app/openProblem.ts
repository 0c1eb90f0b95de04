// Opens a design problem the user brings (a file, a drop, a paste), in either
// form. It replaces the current work only when it loads without errors (as one
// undo step); otherwise the work stays and the located errors are returned.
import { formatDiagnostic, loadProblem } from '../../engine/index.ts';
import { appStore } from '../../store/appStore.ts';

/** Bigger than any hand-written model; refuse before reading megabytes of something else. */
export const MAX_PROBLEM_BYTES = 5 * 1024 * 1024;

export type OpenResult = { ok: true; warnings: string[] } | { ok: false; errors: string[] };

export function openProblemText(text: string): OpenResult {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') return { ok: false, errors: ['It is empty.'] };
  const parsed = loadProblem(normalized);
  if (!parsed.model) {
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    return { ok: false, errors: errors.length > 0 ? errors : ['It holds no model.'] };
  }
  appStore.getState().openSource({ text: normalized, format: parsed.form });
  return { ok: true, warnings: parsed.diagnostics.map(formatDiagnostic) };
}

/** Reads and opens a file, and tells the user what happened through the store's notice. */
export async function openProblemFile(file: File): Promise<void> {
  const { showNotice } = appStore.getState();
  if (file.size > MAX_PROBLEM_BYTES) {
    showNotice({
      kind: 'error',
      title: `${file.name} was not opened: at ${Math.round(file.size / 1024 / 1024)} MB it is too big for a design problem. Your current work was kept.`,
      details: [],
    });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    showNotice({ kind: 'error', title: `${file.name} could not be read. Your current work was kept.`, details: [] });
    return;
  }
  const result = openProblemText(text);
  if (result.ok) {
    showNotice({
      kind: 'info',
      title: `Opened ${file.name}.${result.warnings.length > 0 ? ' It has warnings:' : ''} Undo (Ctrl+Z) brings back what you had.`,
      details: result.warnings,
    });
  } else {
    showNotice({
      kind: 'error',
      title: `${file.name} was not opened: it has ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}. Your current work was kept.`,
      details: result.errors,
    });
  }
}
