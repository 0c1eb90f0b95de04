// What the selected pattern's requests return from the sample items: the
// count, then each item's entity and table key (the first ones; the grid
// highlights them all).
import type { Design, Item } from '../../engine/index.ts';
import { tableKeyText } from '../items/tableKey.ts';

const SHOWN = 50;

export function ResultList({ patternName, items, design }: { patternName: string; items: readonly Item[]; design: Design }) {
  const table = design.indexes[0];
  const count = items.length;
  return (
    <div className="tw-result">
      <p className="tw-result__count" role="status">
        Returns {count} {count === 1 ? 'item' : 'items'}
      </p>
      {count > 0 && (
        <ol className="tw-result__items" aria-label={`Items returned by ${patternName}`}>
          {items.slice(0, SHOWN).map((item, i) => (
            <li key={i}>
              <span className="tw-result__entity">{String(item[design.entityAttribute] ?? '?')}</span>
              {table !== undefined && (
                <code className="tw-result__key">{tableKeyText(item, table)}</code>
              )}
            </li>
          ))}
        </ol>
      )}
      {count > SHOWN && <p className="tw-result__more">…and {count - SHOWN} more (highlighted in the items grid).</p>}
    </div>
  );
}
