// One access pattern: a button that selects it, its parameter inputs, the
// request(s) it becomes and, when selected, what they return.
import { useMemo, useState } from 'react';
import { alwaysEmptyParameter, alwaysEmptyText, buildRequest, fixedEntries, patternParameters } from '../../engine/index.ts';
import type { Design, Item, Model, Pattern, PatternParams, Request } from '../../engine/index.ts';
import { ParamInputs } from './ParamInputs.tsx';
import type { InvalidTexts } from './ParamInputs.tsx';
import { RequestView } from './RequestView.tsx';
import { ResultList } from './ResultList.tsx';

export interface PatternResult {
  requests: Request[];
  resultItems: Item[];
  requestError: string | undefined;
}

export interface PatternCardProps {
  model: Model;
  design: Design;
  pattern: Pattern;
  params: PatternParams;
  edited: boolean;
  /** The store's requests and answer, when this pattern is the selected one. */
  result: PatternResult | undefined;
  onSelect: () => void;
  onParams: (params: PatternParams) => void;
  onReset: () => void;
}

export function PatternCard({ model, design, pattern, params, edited, result, onSelect, onParams, onReset }: PatternCardProps) {
  const selected = result !== undefined;
  const [invalid, setInvalid] = useState<InvalidTexts>({});
  const hasInvalid = Object.keys(invalid).length > 0;

  // The selected pattern's requests come from the store; the others are built here, for showing only.
  const local = useMemo((): { requests: Request[]; error: string | undefined } => {
    if (selected) return { requests: [], error: undefined };
    try {
      return { requests: buildRequest(design, pattern.name, params), error: undefined };
    } catch (error) {
      return { requests: [], error: error instanceof Error ? error.message : String(error) };
    }
  }, [selected, design, pattern.name, params]);
  const requests = result ? result.requests : local.requests;
  const requestError = result ? result.requestError : local.error;
  const plan = design.patterns.find((p) => p.pattern === pattern.name);
  // A pattern whose answer is always empty has no request to show: say why instead.
  const alwaysEmpty = plan === undefined ? undefined : alwaysEmptyParameter(plan, patternParameters(model, pattern.name));
  const headingId = `tw-pattern-${pattern.name}`;
  // Fixed values are part of the pattern, not parameters (no input): shown beside its entity, with its limit.
  const fixed = fixedEntries(pattern);

  return (
    <article className={selected ? 'tw-pattern tw-pattern--selected' : 'tw-pattern'} aria-labelledby={headingId}>
      <header className="tw-pattern__header">
        <button type="button" className="tw-pattern__select" aria-pressed={selected} aria-label={`Select pattern ${pattern.name}`} onClick={onSelect}>
          <span className="tw-pattern__radio" aria-hidden="true" />
        </button>
        <div className="tw-pattern__title">
          <h3 id={headingId} className="tw-pattern__name" onClick={onSelect}>
            {pattern.name}
          </h3>
          <span className="tw-pattern__meta">
            {pattern.entity}
            {fixed.length > 0 ? ` where ${fixed.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(' and ')}` : ''}
            {pattern.limit !== undefined ? ` · first ${String(pattern.limit)}` : ''} · returns {pattern.returns}
            {pattern.include && pattern.include.length > 0 ? ` with ${pattern.include.join(', ')}` : ''}
          </span>
          {pattern.text !== undefined && <p className="tw-pattern__text">{pattern.text}</p>}
        </div>
      </header>

      <ParamInputs
        model={model}
        pattern={pattern}
        params={params}
        invalid={invalid}
        onInvalid={setInvalid}
        onParams={onParams}
        {...(edited ? { onReset: () => (setInvalid({}), onReset()) } : {})}
      />

      {hasInvalid && (
        <p className="tw-pattern__error" role="alert">
          Not run: a parameter above is not a value this pattern can take. No request is built until it is.
        </p>
      )}
      {requestError !== undefined && (
        <p className="tw-pattern__error" role="alert">
          Invalid parameters: {requestError}
        </p>
      )}
      {!hasInvalid && requests.map((request, i) => <RequestView key={i} request={request} step={plan?.steps[i]} />)}
      {plan !== undefined && plan.steps.length === 0 && <p className="tw-pattern__error">No request can serve this pattern.</p>}
      {alwaysEmpty !== undefined && requestError === undefined && <p className="tw-request">{alwaysEmptyText(alwaysEmpty)}</p>}

      {!hasInvalid && result !== undefined && result.requestError === undefined && (
        <ResultList patternName={pattern.name} items={result.resultItems} design={design} />
      )}
    </article>
  );
}
