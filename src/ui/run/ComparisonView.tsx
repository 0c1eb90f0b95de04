// DynamoDB's answer against the engine's in-browser answer: a check mark, or
// what is missing, unexpected, changed or out of order.
import type { Design, Item } from '../../engine/index.ts';
import type { AnswerComparison } from '../../runner/index.ts';
import { tableKeyText } from '../items/tableKey.ts';

export function ComparisonView({ comparison, design, count }: { comparison: AnswerComparison; design: Design; count: number }) {
  const table = design.indexes[0];
  const key = (item: Item) => tableKeyText(item, table);
  if (comparison.ok) {
    return (
      <p className="tw-run__verdict tw-run__verdict--ok">
        <span aria-hidden="true">✓ </span>Matches the in-browser answer ({count} {count === 1 ? 'item' : 'items'}, same order
        {comparison.ties > 0 ? `; ${comparison.ties} tied items in any order` : ''})
      </p>
    );
  }
  return (
    <div className="tw-run__verdict tw-run__verdict--bad">
      <p>
        <span aria-hidden="true">✗ </span>Differs from the in-browser answer
      </p>
      {comparison.missing.length > 0 && (
        <KeyList title={`Missing: the engine returns ${comparison.missing.length} item(s) DynamoDB did not`} keys={comparison.missing.map(key)} />
      )}
      {comparison.unexpected.length > 0 && (
        <KeyList title={`Unexpected: DynamoDB returned ${comparison.unexpected.length} item(s) the engine does not`} keys={comparison.unexpected.map(key)} />
      )}
      {comparison.changed.length > 0 && (
        <KeyList
          title={`Changed: ${comparison.changed.length} item(s) with other attribute values`}
          keys={comparison.changed.map((c) => `${c.key}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`)}
        />
      )}
      {comparison.orderDiffers && (
        <div className="tw-run__order">
          <KeyList title="Engine’s order" keys={comparison.expectedOrder} ordered />
          <KeyList title="DynamoDB’s order" keys={comparison.actualOrder} ordered />
        </div>
      )}
    </div>
  );
}

function KeyList({ title, keys, ordered = false }: { title: string; keys: string[]; ordered?: boolean }) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <div>
      <p className="tw-run__muted">{title}</p>
      <List aria-label={title} className="tw-run__keys">
        {keys.slice(0, 50).map((k, i) => (
          <li key={i}>
            <code>{k}</code>
          </li>
        ))}
        {keys.length > 50 && <li>…and {keys.length - 50} more</li>}
      </List>
    </div>
  );
}
