// What the selected pattern's requests return from the sample items: the
// count, then each item's entity, its order, range and equality attributes and
// its key (so the order can be checked by eye), and its table key (the first
// ones; the grid highlights them all).
import type { Design, Item } from '../../engine/index.ts';
import { tableKeyText } from '../items/tableKey.ts';
import { resultAttributes } from './resultAttributes.ts';

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
          {items.slice(0, SHOWN).map((item, i) => {
            const entity = String(item[design.entityAttribute] ?? '?');
            return (
              <li key={i}>
                <span className="tw-result__entity">{entity}</span>
                {resultAttributes(design.model, patternName, entity, item).map(([name, value]) => (
                  <span key={name} className="tw-result__attribute">
                    <span className="tw-result__attribute-name">{name}</span> {JSON.stringify(value)}
                  </span>
                ))}
                {table !== undefined && <code className="tw-result__key">{tableKeyText(item, table)}</code>}
              </li>
            );
          })}
        </ol>
      )}
      {count > SHOWN && <p className="tw-result__more">…and {count - SHOWN} more (highlighted in the items grid).</p>}
    </div>
  );
}
