// The design's warnings (hot partitions, filtered patterns) and errors
// (patterns no request can serve; a Tablewright bug is labelled as one), each
// with its code and where it points.
import type { Diagnostic } from '../../engine/index.ts';
import { severityLabel } from './severityLabel.ts';

export function DiagnosticList({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return (
    <section className="tw-design__section" aria-labelledby="tw-design-diagnostics">
      <h3 id="tw-design-diagnostics" className="tw-design__heading">
        Warnings and errors
        <span className="tw-design__count">
          {' '}
          ({errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'})
        </span>
      </h3>
      {diagnostics.length === 0 ? (
        <p className="tw-design__ok">None: every access pattern is served by a key condition, with no hot partition.</p>
      ) : (
        <ul className="tw-design__diagnostics">
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${d.path ?? ''}-${i}`} className={`tw-diagnostic tw-diagnostic--${d.severity}`}>
              <span className="tw-diagnostic__severity">{severityLabel(d)}</span>
              <span className="tw-diagnostic__message">{d.message}</span>
              <code className="tw-diagnostic__code">{d.code}</code>
              {d.path !== undefined && <span className="tw-diagnostic__where">at {d.path}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
