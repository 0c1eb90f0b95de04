// How each entity's records are written (describeWrites, read off the write
// plan): how a record is found, its guard items, version and expiry, and which
// changes are one UpdateItem and which read first. The reasons behind the
// Writes view's requests, beside the design's other reasons.
import { useId, useMemo } from 'react';
import { describeWrites, type Design } from '../../engine/index.ts';
import './SparseIndexes.css';

export function WritesSummary({ design }: { design: Design }) {
  const writes = useMemo(() => describeWrites(design), [design]);
  const heading = useId();
  if (writes.length === 0) return null;
  return (
    <section className="tw-design__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-design__heading">
        Writes
      </h3>
      <p className="tw-sparse__intro">What create, update and remove keep right for each entity, and what they cost in requests.</p>
      {/* The sparse indexes' list style: one bordered card a line. */}
      <ul className="tw-sparse__list" aria-labelledby={heading}>
        {writes.map((w) => (
          <li key={w.entity} className="tw-sparse__item">
            <strong>{w.entity}</strong>: {w.lines.join(' ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
