// The Cost panel: what the design costs a month in both capacity modes at the user's prices (the
// engine's costReport, computed in a worker while this panel is shown), the chart of cost against
// traffic, per pattern, write operation and index, the workload and price editors and the
// assumptions. While a newer report is computed the last one stays with a quiet "updating" mark; a
// failure is said beside the last figures.
import { useDesign, useCost } from '../../store/selectors.ts';
import { Assumptions } from './Assumptions.tsx';
import { CostChart } from './CostChart.tsx';
import { CostSummary } from './CostSummary.tsx';
import { IndexCosts } from './IndexCosts.tsx';
import { PatternCosts } from './PatternCosts.tsx';
import { PriceEditor } from './PriceEditor.tsx';
import { WorkloadEditor } from './WorkloadEditor.tsx';
import { WriteCosts } from './WriteCosts.tsx';
import './CostPanel.css';

export function CostPanel() {
  const design = useDesign();
  const { report, error, costing } = useCost();

  if (!design) {
    return (
      <section className="tw-cost" aria-label="Cost">
        <p className="tw-cost__empty">No design yet: once the model has no errors, what it costs a month appears here.</p>
      </section>
    );
  }

  return (
    <section className="tw-cost" aria-label="Cost" aria-busy={costing}>
      <div className="tw-cost__status">
        {costing && (
          <span className="tw-cost__updating" role="status">
            Updating…
          </span>
        )}
        {error !== undefined && (
          <p className="tw-cost__error" role="alert">
            The cost could not be computed: {error}.{report ? ' The figures below are the last ones computed.' : ''}
          </p>
        )}
      </div>
      {report ? (
        <div className={costing ? 'tw-cost__body tw-cost__body--updating' : 'tw-cost__body'}>
          <CostSummary report={report} />
          <CostChart report={report} />
          <PatternCosts report={report} />
          <WriteCosts report={report} />
          <IndexCosts report={report} />
        </div>
      ) : (
        error === undefined && <p className="tw-cost__empty">Computing what the design costs a month…</p>
      )}
      <WorkloadEditor />
      <PriceEditor />
      {report && <Assumptions assumptions={report.assumptions} />}
    </section>
  );
}
