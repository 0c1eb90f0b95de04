// The entity chart: one row per entity, a partition key and a sort key column
// per index (the table, then each GSI), cells holding the key templates (a
// native GSI's columns hold its several key attributes each: chartKeys.ts); a
// footer row lists the access patterns each index serves.
import { Fragment } from 'react';
import type { Design } from '../../engine/index.ts';
import { usePatternActions } from '../../store/selectors.ts';
import { chartKeyCells, chartKeyHeaders } from './chartKeys.ts';

export function EntityChart({ design, selectedPattern }: { design: Design; selectedPattern: string | undefined }) {
  const { selectPattern } = usePatternActions();
  return (
    <section className="tw-design__section">
      <div className="tw-design__scroll">
        <table className="tw-chart">
          <caption className="tw-design__heading">Entity chart</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="tw-chart__entity">
                Entity
              </th>
              {design.indexes.map((index) => (
                <th key={index.name} scope="colgroup" colSpan={2} className="tw-chart__index">
                  {index.kind === 'table' ? `Table ${design.tableName}` : index.name}
                </th>
              ))}
            </tr>
            <tr>
              {design.indexes.map((index) => {
                const headers = chartKeyHeaders(index);
                return (
                  <Fragment key={index.name}>
                    <th scope="col" className="tw-chart__key tw-chart__key--pk">
                      {headers.pk}
                    </th>
                    <th scope="col" className="tw-chart__key">
                      {headers.sk}
                    </th>
                  </Fragment>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {design.entities.map((entity) => (
              <tr key={entity.entity}>
                <th scope="row" className="tw-chart__entity">
                  {entity.entity}
                </th>
                {design.indexes.map((index) => {
                  const template = entity.keys[index.name];
                  if (template === undefined) {
                    return (
                      <td key={index.name} colSpan={2} className="tw-chart__none tw-chart__cell--pk">
                        not in {index.name}
                      </td>
                    );
                  }
                  const cells = chartKeyCells(template, index);
                  return (
                    <Fragment key={index.name}>
                      <td className="tw-chart__cell tw-chart__cell--pk">
                        <code>{cells.pk}</code>
                      </td>
                      <td className="tw-chart__cell">
                        <code>{cells.sk}</code>
                      </td>
                    </Fragment>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="tw-chart__entity">
                Patterns served
              </th>
              {design.indexes.map((index) => (
                <td key={index.name} colSpan={2} className="tw-chart__patterns tw-chart__cell--pk">
                  {index.patterns.length === 0 ? (
                    <span className="tw-chart__none">none</span>
                  ) : (
                    <ul aria-label={`Patterns served by ${index.name}`}>
                      {index.patterns.map((pattern) => (
                        <li key={pattern}>
                          <button
                            type="button"
                            className={pattern === selectedPattern ? 'tw-chart__pattern tw-chart__pattern--selected' : 'tw-chart__pattern'}
                            aria-pressed={pattern === selectedPattern}
                            title="Select this pattern"
                            onClick={() => selectPattern(pattern)}
                          >
                            {pattern}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
