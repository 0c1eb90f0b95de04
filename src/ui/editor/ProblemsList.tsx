// The source's errors and warnings under the editor, each a button that puts
// the cursor on it. Text only (messages may quote what the user typed). At most
// MAX_LISTED_PROBLEMS are listed, so a big model's thousands of errors stay cheap to show.
import { useDiagnostics, useSourceMap } from '../../store/selectors.ts';
import { severityLabel } from '../design/severityLabel.ts';
import { revealInEditor } from './editorBridge.ts';

/** The most problems listed (a big model with a systematic mistake can have thousands; the summary counts them all). */
export const MAX_LISTED_PROBLEMS = 200;

export function ProblemsList() {
  const diagnostics = useDiagnostics();
  const sourceMap = useSourceMap();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary =
    diagnostics.length === 0
      ? 'No problems'
      : [errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '']
          .filter(Boolean)
          .join(', ');

  return (
    <section className="problems" aria-label="Problems">
      <p className={`problems__summary${errors > 0 ? ' problems__summary--error' : ''}`} role="status">
        {summary}
      </p>
      {diagnostics.length > 0 && (
        <ul className="problems__list">
          {diagnostics.slice(0, MAX_LISTED_PROBLEMS).map((d, i) => {
            const span = d.span ?? (d.path !== undefined ? sourceMap.get(d.path) : undefined);
            return (
              <li key={`${i}-${d.code}`}>
                <button type="button" className={`problem problem--${d.severity}`} onClick={() => revealInEditor(span?.line ?? 1, span?.column ?? 1)}>
                  <span className="problem__severity">{severityLabel(d)}</span>
                  {span !== undefined && <span className="problem__where">{`${span.line}:${span.column}`}</span>}
                  <span className="problem__message">{d.message}</span>
                </button>
              </li>
            );
          })}
          {diagnostics.length > MAX_LISTED_PROBLEMS && (
            <li className="problems__more">{`and ${(diagnostics.length - MAX_LISTED_PROBLEMS).toLocaleString('en-US')} more (the first ${MAX_LISTED_PROBLEMS} are listed)`}</li>
          )}
        </ul>
      )}
    </section>
  );
}
