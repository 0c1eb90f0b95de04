// One concrete request in DynamoDB's own words: operation and index, the key
// condition (or the key of a GetItem), its Limit, filter, expression attribute
// names and values, and the direction.
import type { PlanStep, Request } from '../../engine/index.ts';
import { requestSummary } from './requestSummary.ts';

export function RequestView({ request, step }: { request: Request; step: PlanStep | undefined }) {
  const summary = requestSummary(request);
  return (
    <div className="tw-request">
      <p className="tw-request__title">
        <strong>{summary.operation}</strong> on <strong>{summary.index === 'table' ? 'the table' : summary.index}</strong>
        {summary.direction !== undefined && <span className="tw-request__direction"> · {summary.direction}</span>}
      </p>
      <dl className="tw-request__fields">
        <dt>{summary.operation === 'GetItem' ? 'Key' : 'KeyConditionExpression'}</dt>
        <dd>
          <code>{summary.keyCondition}</code>
          {step !== undefined && summary.operation === 'Query' && <span className="tw-request__symbolic">{step.keyConditionText}</span>}
        </dd>
        {summary.limit !== undefined && (
          <>
            <dt>Limit</dt>
            <dd>
              <code>{summary.limit}</code>
            </dd>
          </>
        )}
        {summary.filter !== undefined && (
          <>
            <dt>FilterExpression</dt>
            <dd>
              <code>{summary.filter}</code>
            </dd>
          </>
        )}
        {summary.names.length > 0 && (
          <>
            <dt>ExpressionAttributeNames</dt>
            <dd>
              <Pairs pairs={summary.names} />
            </dd>
          </>
        )}
        {summary.values.length > 0 && (
          <>
            <dt>ExpressionAttributeValues</dt>
            <dd>
              <Pairs pairs={summary.values} />
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

function Pairs({ pairs }: { pairs: readonly [string, string][] }) {
  return (
    <ul className="tw-request__pairs">
      {pairs.map(([name, value]) => (
        <li key={name}>
          <code>
            {name}: {value}
          </code>
        </li>
      ))}
    </ul>
  );
}
