// Pattern → request: the operation, index and direction each access pattern
// becomes, its symbolic key condition and filter, and why it was chosen.
// A row selects its pattern: its name is a button (keyboard reachable), and a click anywhere on the row does the same.
import type { Design, PlanStep } from '../../engine/index.ts';
import { usePatternActions } from '../../store/selectors.ts';

export function RequestTable({ design, selectedPattern }: { design: Design; selectedPattern: string | undefined }) {
  const { selectPattern } = usePatternActions();
  return (
    <section className="tw-design__section">
      <div className="tw-design__scroll">
        <table className="tw-requests">
          <caption className="tw-design__heading">Requests per access pattern</caption>
          <thead>
            <tr>
              <th scope="col">Pattern</th>
              <th scope="col">Request</th>
              <th scope="col">Key condition</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          {design.patterns.map((plan) => {
            const selected = plan.pattern === selectedPattern;
            const rowClass = selected ? 'tw-requests__row tw-requests__row--selected' : 'tw-requests__row';
            const span = Math.max(1, plan.steps.length);
            return (
              <tbody key={plan.pattern} className={rowClass} aria-current={selected ? 'true' : undefined} onClick={() => selectPattern(plan.pattern)}>
                {plan.steps.length === 0 ? (
                  <tr>
                    <th scope="row">
                      <PatternButton pattern={plan.pattern} selected={selected} />
                    </th>
                    <td colSpan={2} className="tw-requests__unserved">
                      No request serves this pattern.
                    </td>
                    <td className="tw-requests__reason">{plan.reason}</td>
                  </tr>
                ) : (
                  plan.steps.map((step, i) => (
                    <tr key={i}>
                      {i === 0 && (
                        <th scope="row" rowSpan={span}>
                          <PatternButton pattern={plan.pattern} selected={selected} />
                        </th>
                      )}
                      <td className="tw-requests__request">
                        <strong>{step.operation}</strong> on {step.index === 'table' ? 'the table' : step.index}
                        <span className="tw-requests__direction">{directionText(step)}</span>
                        {step.shards !== undefined && <span className="tw-requests__shards"> × {step.shards} shards, merged</span>}
                      </td>
                      <td className="tw-requests__condition">
                        <code>{step.keyConditionText}</code>
                        {step.filter && (
                          <span className="tw-requests__filter">
                            Filter (read, then dropped): <code>{filterText(step.filter)}</code>
                          </span>
                        )}
                      </td>
                      {i === 0 && (
                        <td rowSpan={span} className="tw-requests__reason">
                          {plan.reason}
                        </td>
                      )}
                    </tr>
                  ))
                )}
              </tbody>
            );
          })}
        </table>
      </div>
    </section>
  );
}

/** The row's pattern name as a button; the row's click handler selects it. */
function PatternButton({ pattern, selected }: { pattern: string; selected: boolean }) {
  return (
    <button type="button" className="tw-requests__pick" aria-pressed={selected} title="Select this pattern">
      {pattern}
    </button>
  );
}

function directionText(step: PlanStep): string {
  if (step.operation === 'GetItem') return 'one item';
  return step.direction === 'desc' ? 'descending' : 'ascending';
}

function filterText(filter: NonNullable<PlanStep['filter']>): string {
  const { attribute, param, op } = filter;
  switch (op) {
    case 'between':
      return `${attribute} BETWEEN {${param}[0]} AND {${param}[1]}`;
    case 'begins_with':
      return `begins_with(${attribute}, {${param}})`;
    default:
      return `${attribute} ${op} {${param}}`;
  }
}
