// Opens a design problem the user brings (a file, a drop, a paste), in either
// form. It replaces the current work only when it loads without errors (as one
// undo step); otherwise the work stays and the located errors are returned.
// A model past the size limit (MAX_SOURCE_CHARS) is refused before it is read;
// a big one is read off the page's thread.
import { appStore } from '../../store/appStore.ts';
import { fileSizeProblem, sourceSizeProblem } from '../../store/sourceLimit.ts';
import { looksLikeWorkbench, openWorkbenchText } from './openWorkbench.ts';
import { offThread } from './offThread.ts';
import { checkProblemNow, type ProblemCheck } from './problemCheck.ts';
import ProblemCheckWorker from './problemCheck.worker.ts?worker';

/** `reported`: the opener showed its own notice (a Workbench import's report); `cancelled`: the user kept the work. */
export type OpenResult = { ok: true; warnings: string[]; reported?: true } | { ok: false; errors: string[]; cancelled?: true };

/** Reads `text` as a problem, in a Web Worker of its own when it is big (offThread). */
function checkProblem(text: string): Promise<ProblemCheck> {
  return offThread(text, () => new ProblemCheckWorker(), checkProblemNow);
}

/** Opens `text` if it is within the size limit and loads; `what` names it in a refusal ("The pasted model"). */
export async function openProblemText(text: string, what = 'The pasted model'): Promise<OpenResult> {
  const tooBig = sourceSizeProblem(text.length, what);
  if (tooBig !== undefined) return { ok: false, errors: [tooBig] };
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') return { ok: false, errors: ['It is empty.'] };
  // A NoSQL Workbench model is imported (as its own text, for the report's line and column), not read as a problem.
  if (looksLikeWorkbench(text)) return openWorkbenchText(text, what === 'The pasted model' ? 'the pasted model' : what);
  const checked = await checkProblem(normalized);
  if (!checked.loads) return { ok: false, errors: checked.errors.length > 0 ? checked.errors : ['It holds no model.'] };
  appStore.getState().openSource({ text: normalized, format: checked.form });
  return { ok: true, warnings: checked.all };
}

/** Reads and opens a file, and tells the user what happened through the store's notice. */
export async function openProblemFile(file: File): Promise<void> {
  const { showNotice } = appStore.getState();
  const tooBigFile = fileSizeProblem(file.size, file.name);
  if (tooBigFile !== undefined) {
    showNotice({ kind: 'error', title: tooBigFile, details: [] });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    showNotice({ kind: 'error', title: `${file.name} could not be read. Your current work was kept.`, details: [] });
    return;
  }
  const tooBig = sourceSizeProblem(text.length, file.name);
  if (tooBig !== undefined) {
    showNotice({ kind: 'error', title: tooBig, details: [] });
    return;
  }
  const result = await openProblemText(text, file.name);
  if (result.ok && result.reported) return;
  if (!result.ok && result.cancelled) {
    showNotice({ kind: 'info', title: `${file.name} was not opened: you kept your model.`, details: [] });
    return;
  }
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
