// The design's sparse indexes: each GSI whose key template for an entity uses
// an optional attribute, so the index holds only the items that have it, with
// what that saves on the sample items (the share of the entity it leaves out,
// which costs no writes or storage there and which its queries never read).
// Nothing when no index is sparse.
import { useId, useMemo } from 'react';
import type { Design } from '../../engine/index.ts';
import { useItems } from '../../store/selectors.ts';
import { attributeList, leftOutShare, sparseCounts } from '../items/sparseCounts.ts';
import type { SparseCount } from '../items/sparseCounts.ts';
import './SparseIndexes.css';

const numberFormat = new Intl.NumberFormat('en-US');

export function SparseIndexes({ design }: { design: Design }) {
  const items = useItems();
  const counts = useMemo(() => sparseCounts(design, items), [design, items]);
  const heading = useId();
  if (counts.length === 0) return null;
  return (
    <section className="tw-design__section tw-sparse" aria-labelledby={heading}>
      <h3 id={heading} className="tw-design__heading">
        Sparse indexes
        <span className="tw-design__count"> ({counts.length})</span>
      </h3>
      <p className="tw-sparse__intro">
        An index keyed on an optional attribute holds only the items that have it (the others get no key attributes for it), so reads and writes on it cost
        less.
      </p>
      <ul className="tw-sparse__list" aria-labelledby={heading}>
        {counts.map((count) => (
          <li key={`${count.index}-${count.entity}`} className="tw-sparse__item">
            <strong>{count.index}</strong> for <strong>{count.entity}</strong>, on{' '}
            {count.attributes.map((name, i) => (
              <span key={name}>
                {i === 0 ? '' : i === count.attributes.length - 1 ? ' and ' : ', '}
                <code>{name}</code>
              </span>
            ))}
            : <SparseSaving count={count} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SparseSaving({ count }: { count: SparseCount }) {
  const { index, entity, attributes, total, held } = count;
  const lacking = total - held;
  if (total === 0) return <>no sample {entity} items to count.</>;
  if (lacking === 0) {
    return (
      <>
        every one of the {numberFormat.format(total)} sample {entity} items has {attributeList(attributes)}, so it saves nothing on this sample.
      </>
    );
  }
  return (
    <>
      holds {numberFormat.format(held)} of {numberFormat.format(total)} sample {entity} items and leaves out{' '}
      <strong className="tw-sparse__saving">{leftOutShare(count)}</strong>: the {numberFormat.format(lacking)}{' '}
      {attributes.length === 1 ? `without ${attributes[0] as string}` : 'lacking one of them'} {lacking === 1 ? 'takes' : 'take'} no writes or storage on{' '}
      {index}, and its queries never read {lacking === 1 ? 'it' : 'them'}.
    </>
  );
}
