// What each entity's header says about writes (its unique sets, version and ttl attributes), and
// the table's time to live they add up to: one TTL attribute per table (the first entity's ttl),
// so an entity naming another one never expires (tableSettings warns about it too).
import { useId } from 'react';
import type { Model, TableSettingsPlan } from '../../engine/index.ts';
import { uniqueSetText } from './tableSettingsForm.ts';

export function TimeToLive({ plan }: { plan: TableSettingsPlan }) {
  if (plan.ttlAttribute === undefined) {
    return (
      <p className="tw-table__ttl">
        Time to live: <span className="tw-design__muted">none (default): no entity declares a ttl attribute, so no item expires.</span>
      </p>
    );
  }
  return (
    <p className="tw-table__ttl">
      Time to live: on <code>{plan.ttlAttribute}</code> (epoch seconds); {listOf(plan.ttlEntities)}
      {plan.ttlEntities.length === 1 ? "'s items expire" : ' items expire'}.
    </p>
  );
}

export function EntitySettings({ model, plan }: { model: Model; plan: TableSettingsPlan }) {
  const caption = useId();
  return (
    <div className="tw-design__scroll">
      <table className="tw-table__entities" aria-labelledby={caption}>
        <caption id={caption} className="tw-table__caption">
          Entity write settings
        </caption>
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col">Unique</th>
            <th scope="col">Version</th>
            <th scope="col">TTL</th>
          </tr>
        </thead>
        <tbody>
          {model.entities.map((entity) => (
            <tr key={entity.name}>
              <th scope="row">{entity.name}</th>
              <td>{entity.unique?.length ? entity.unique.map(uniqueSetText).join(', ') : <None />}</td>
              <td>{entity.version ?? <None />}</td>
              <td>
                {entity.ttl === undefined ? (
                  <None />
                ) : entity.ttl === plan.ttlAttribute ? (
                  entity.ttl
                ) : (
                  <>
                    {entity.ttl} <span className="tw-table__warn">(never expires: the table&apos;s TTL attribute is {plan.ttlAttribute})</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function None() {
  return <span className="tw-design__muted">none</span>;
}

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
