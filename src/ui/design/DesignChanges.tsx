// What the last derivation changed from the design before it (it keeps every
// index name, key attribute and template that still fits, so a deployed table
// can follow), each change with why, and a way to derive afresh instead.
import { changeSubject, type DesignChange } from '../../engine/index.ts';
import { useDeployed, useDeriveAfresh } from '../../store/selectors.ts';

export function DesignChanges({ changes }: { changes: readonly DesignChange[] }) {
  const deriveAfresh = useDeriveAfresh();
  const deployed = useDeployed();
  if (changes.length === 0) return null;
  return (
    // A div, not a labelled section: a region named "…design" would be one more Design region to the panel's readers.
    <div className="tw-design__section tw-changes">
      <h3 id="tw-design-changes" className="tw-design__heading">
        Changed from the previous design
        <span className="tw-design__count">
          {' '}
          ({changes.length} {changes.length === 1 ? 'change' : 'changes'})
        </span>
      </h3>
      <p className="tw-changes__intro">
        Index names, key attributes and key templates that still fit were kept, so a table already deployed can follow this design. Only these differ:
      </p>
      <ul className="tw-changes__list" aria-labelledby="tw-design-changes">
        {changes.map((change, i) => (
          // describeChange's words, with the kind and the subject set apart.
          <li key={`${change.kind}-${change.index ?? ''}-${change.entity ?? ''}-${i}`} className={`tw-change tw-change--${change.kind}`}>
            <span className="tw-change__kind">{change.kind}</span> <strong className="tw-change__subject">{changeSubject(change)}</strong>:{' '}
            <span className="tw-change__reason">{change.reason}</span>
          </li>
        ))}
      </ul>
      {deployed ? (
        <p className="tw-changes__why">
          A deployed design is pinned: the design is derived against it, keeping its GSIs and key templates. The Changes view shows what differs from it and how
          to migrate the table; unpin it there to derive freely.
        </p>
      ) : (
        <div className="tw-changes__afresh">
          <button type="button" className="button button--small" onClick={deriveAfresh} aria-describedby="tw-changes-afresh-why">
            Derive afresh
          </button>
          <p id="tw-changes-afresh-why" className="tw-changes__why">
            Derives the design from scratch with the fewest GSIs. GSI names and keys may change, which a deployed table cannot take in place.
          </p>
        </div>
      )}
    </div>
  );
}
