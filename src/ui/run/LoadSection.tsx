// Load the sample items: progress with items/s, Cancel, and Resume from the
// exact index after a failure or a cancel.
import { useId } from 'react';
import type { Design, Item } from '../../engine/index.ts';
import { cancelLoad, loadSampleItems } from './runSession.ts';
import { useRunSession } from './useRunSession.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function LoadSection({
  design,
  items,
  guards = 0,
}: {
  design: Design;
  items: readonly Item[];
  /** How many of `items` are guard items (identity, unique). */ guards?: number;
}) {
  const table = useRunSession((s) => s.table);
  const load = useRunSession((s) => s.load);
  const id = useId();
  const ready = table.status === 'ready';
  const stale = load.status !== 'idle' && load.items !== items;

  return (
    <section className="tw-run__section" aria-labelledby={`${id}-title`}>
      <h2 className="tw-run__title" id={`${id}-title`}>
        3. Sample items
      </h2>
      <div className="tw-run__row">
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || load.status === 'loading' || items.length === 0}
          onClick={() => void loadSampleItems(design, items)}
        >
          {load.status === 'done' || load.status === 'stopped' ? `Load all ${items.length} items again` : `Load ${items.length} sample items`}
        </button>
        {load.status === 'loading' && (
          <button type="button" className="button" onClick={cancelLoad}>
            Cancel
          </button>
        )}
        {load.status === 'stopped' && !stale && (
          <button type="button" className="button" disabled={!ready} onClick={() => void loadSampleItems(design, items, true)}>
            Resume from item {load.resumeAt + 1}
          </button>
        )}
      </div>
      {load.status !== 'idle' && (
        <div className="tw-run__progress">
          <progress aria-label="Items loaded" max={load.total} value={load.written} />
          <span role="status">
            {load.written} of {load.total} items written
            {load.itemsPerSecond > 0 && ` · ${Math.round(load.itemsPerSecond)} items/s`}
            {load.status === 'done' && ` · done in ${load.seconds.toFixed(1)} s`}
            {load.status === 'stopped' && load.why === 'cancelled' && ' · cancelled'}
            {load.status === 'stopped' && load.why === 'failed' && ' · stopped by an error'}
          </span>
        </div>
      )}
      {load.status === 'stopped' && load.error && <ErrorMessage error={load.error} label="Load error" />}
      {stale && (
        <p className="tw-run__warning">
          The sample items have changed since this load (the model or the sample size changed). Load them again before comparing.
        </p>
      )}
      {guards > 0 && (
        <p className="tw-run__muted">
          Of these, {guards} are guard items (an identity guard where the table key holds more than the record&apos;s key, one per unique set), as creating the
          records would write them: writes sent later find their records through them.
        </p>
      )}
      {!ready && <p className="tw-run__muted">Create a table first.</p>}
    </section>
  );
}
