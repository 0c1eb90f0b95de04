// The single-table design the engine derived (and the switch of how it keys GSIs): what changed from the design
// before it, warnings and errors, the entity chart (key templates per entity and
// index), the request each access pattern becomes, and the table's settings (edited in place); dimmed while stale. Reads the store only; renders text, never HTML from values.
import { useCarriedFindings, useDesign, useSelectedPattern, useStale } from '../../store/selectors.ts';
import { DesignChanges } from './DesignChanges.tsx';
import { DiagnosticList } from './DiagnosticList.tsx';
import { EntityChart } from './EntityChart.tsx';
import { KeysModeSwitch } from './KeysModeSwitch.tsx';
import { RequestTable } from './RequestTable.tsx';
import { SparseIndexes } from './SparseIndexes.tsx';
import { TableSettingsSection } from './TableSettingsSection.tsx';
import { WritesSummary } from './WritesSummary.tsx';
import './DesignPanel.css';

export function DesignPanel() {
  const design = useDesign();
  const stale = useStale();
  const selectedPattern = useSelectedPattern();
  // While this design's review runs, the last review's findings stay listed (placed in this model).
  const carried = useCarriedFindings();

  if (design === undefined) {
    return (
      <section className="tw-design" aria-label="Design">
        <KeysModeSwitch />
        <p className="tw-design__empty">No design yet: once the model has no errors, its table layout appears here.</p>
      </section>
    );
  }

  return (
    <section className="tw-design" aria-label="Design">
      {/* Outside the dimmed body: the mode can be switched while the model has errors. */}
      <KeysModeSwitch />
      {/* The shell's banner above the panels says why it is dimmed (the model has errors). */}
      <div className={stale ? 'tw-design__body tw-design__body--stale' : 'tw-design__body'}>
        <p className="tw-design__summary">
          Table <strong>{design.tableName}</strong>: {design.entities.length} {plural(design.entities.length, 'entity', 'entities')},{' '}
          {design.indexes.length - 1} {plural(design.indexes.length - 1, 'GSI', 'GSIs')}, {design.patterns.length}{' '}
          {plural(design.patterns.length, 'access pattern', 'access patterns')}. Every item has its entity name in <code>{design.entityAttribute}</code>.
        </p>
        {design.changes && <DesignChanges changes={design.changes} />}
        <DiagnosticList diagnostics={carried.length === 0 ? design.diagnostics : [...design.diagnostics, ...carried]} />
        <EntityChart design={design} selectedPattern={selectedPattern} />
        <SparseIndexes design={design} />
        <RequestTable design={design} selectedPattern={selectedPattern} />
        <WritesSummary design={design} />
        <TableSettingsSection design={design} />
      </div>
    </section>
  );
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
