// The Run panel: the design against a real endpoint. Endpoint and credentials,
// the table, the sample items, every pattern run and compared with the
// engine's in-browser answer, the Writes view's write, and the migration of a live table from the pinned
// deployed design to this one (the Changes view's plan). Lazy-loaded by the shell: this module is the
// only way the AWS SDK (through src/runner) enters the app, as its own chunk.
import { useMemo } from 'react';
import { withGuardItems } from '../../engine/index.ts';
import { useModel, useDesign, useItems, useParams, useRecords, useSampleItems } from '../../store/selectors.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import { LoadSection } from './LoadSection.tsx';
import { MigrateSection } from './MigrateSection.tsx';
import { PatternRunList } from './PatternRunList.tsx';
import { TableSection } from './TableSection.tsx';
import { WriteSection } from './WriteSection.tsx';
import './RunPanel.css';

export function RunPanel() {
  const model = useModel();
  const design = useDesign();
  const items = useItems();
  const records = useRecords();
  const params = useParams();
  const written = useSampleItems();
  // The sample items with the guard items their creates write, so that writes sent later find their records.
  const loadable = useMemo(() => (design === undefined ? items : withGuardItems(design, items).items), [design, items]);

  return (
    <div className="tw-run" role="region" aria-label="Run against DynamoDB">
      <p className="tw-run__intro">
        A design is only believed once real DynamoDB has answered every pattern. Send the design’s requests to DynamoDB Local or AWS and compare each answer
        with the in-browser one.
      </p>
      <ConnectionForm />
      {model === undefined || design === undefined ? (
        <p className="tw-run__muted">Once the model has no errors, its table, items and patterns can be run here.</p>
      ) : (
        <>
          <TableSection design={design} />
          <LoadSection design={design} items={loadable} guards={loadable.length - items.length} />
          <PatternRunList design={design} model={model} records={records} params={params} items={loadable} />
          <WriteSection design={design} model={model} items={written} />
          <MigrateSection />
        </>
      )}
    </div>
  );
}
