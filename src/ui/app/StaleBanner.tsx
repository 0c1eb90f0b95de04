// Says, above the panels, that what they show is the last design without
// errors, and takes the user to the first error.
import { useDiagnostics, useSourceMap, useStale, useDesign } from '../../store/selectors.ts';
import { revealInEditor } from '../editor/editorBridge.ts';

export function StaleBanner() {
  const stale = useStale();
  const diagnostics = useDiagnostics();
  const sourceMap = useSourceMap();
  const design = useDesign();
  if (!stale) return null;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  const span = first?.span ?? (first?.path !== undefined ? sourceMap.get(first.path) : undefined);
  return (
    <div className="stale-banner" role="status">
      <p>
        <strong>Stale — fix the errors to update.</strong> {design ? 'The panels show the last design without errors.' : 'There is no design yet.'}{' '}
        {errors.length > 0 && `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}${span ? `, the first on line ${span.line}` : ''}.`}
      </p>
      {span && (
        <button type="button" className="button button--small" onClick={() => revealInEditor(span.line, span.column)}>
          Go to the first error
        </button>
      )}
    </div>
  );
}
