// The workload the design is costed at, edited in place: each pattern's calls per second and each
// entity's writes per second (average, peak) and item size. A change rewrites only that clause of
// the model (workloadEdit.ts: `rate N peak M`, `writes N peak M`, `itemBytes N`, or that JSON field)
// through the app's history, so undo takes it back; an empty field removes it (the default again,
// shown as such). Fields are applied when they lose focus or on Enter.
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { DEFAULT_ENTITY_WRITES, DEFAULT_PATTERN_RATE, units, type Rate } from '../../engine/index.ts';
import { appStore } from '../../store/appStore.ts';
import { useErrorCount, useModel, useSourceActions, useStale } from '../../store/selectors.ts';
import { editWorkload, type WorkloadField } from '../../store/workloadEdit.ts';

type Apply = (change: WorkloadField) => string | undefined;

export function WorkloadEditor() {
  const heading = useId();
  const model = useModel();
  const stale = useStale();
  const errors = useErrorCount();
  const { setSource } = useSourceActions();
  if (!model) return null;

  const apply: Apply = (change) => {
    const result = editWorkload(appStore.getState().source, change);
    if (!result.ok) return `Not changed: ${result.reason}.`;
    setSource(result.text);
    return undefined;
  };

  return (
    <section className="tw-cost__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-cost__heading">
        Workload
      </h3>
      {stale ? (
        <p className="tw-cost__muted" role="status">
          The model has {errors === 1 ? 'an error' : `${errors} errors`}, so its workload cannot be changed here until it reads. Fix{' '}
          {errors === 1 ? 'it' : 'them'} in the editor.
        </p>
      ) : (
        <>
          <p className="tw-cost__muted">
            Per second, average and peak; applied when a field is left or on Enter, written into the model (undo takes it back). Empty: the default.
          </p>
          <div className="tw-cost__scroll">
            <div className="tw-cost__workload" role="group" aria-label="Pattern rates">
              <span className="tw-cost__workload-head">Pattern</span>
              <span className="tw-cost__workload-head">Calls/s avg</span>
              <span className="tw-cost__workload-head">Peak</span>
              <span className="tw-cost__workload-head" />
              <span className="tw-cost__workload-head" />
              {model.patterns.map((p) => (
                <RateRow
                  key={p.name}
                  name={p.name}
                  what="calls per second"
                  rate={p.rate}
                  fallback={DEFAULT_PATTERN_RATE}
                  apply={(rate) => apply({ kind: 'pattern', name: p.name, field: 'rate', value: rate })}
                />
              ))}
            </div>
            <div className="tw-cost__workload" role="group" aria-label="Entity writes">
              <span className="tw-cost__workload-head">Entity</span>
              <span className="tw-cost__workload-head">Writes/s avg</span>
              <span className="tw-cost__workload-head">Peak</span>
              <span className="tw-cost__workload-head">Item bytes</span>
              <span className="tw-cost__workload-head" />
              {model.entities.map((e) => (
                <RateRow
                  key={e.name}
                  name={e.name}
                  what="writes per second"
                  rate={e.writes}
                  fallback={DEFAULT_ENTITY_WRITES}
                  apply={(rate) => apply({ kind: 'entity', name: e.name, field: 'writes', value: rate })}
                  itemBytes={{ value: e.itemBytes, apply: (bytes) => apply({ kind: 'entity', name: e.name, field: 'itemBytes', value: bytes }) }}
                />
              ))}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

/** A number typed, or undefined for an empty field; NaN when it is not a number. */
function typed(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function RateRow({
  name,
  what,
  rate,
  fallback,
  apply,
  itemBytes,
}: {
  name: string;
  what: string;
  rate: Rate | undefined;
  fallback: Readonly<Required<Rate>>;
  apply: (rate: Rate | undefined) => string | undefined;
  itemBytes?: { value: number | undefined; apply: (bytes: number | undefined) => string | undefined };
}) {
  const avgRef = useRef<HTMLInputElement>(null);
  const peakRef = useRef<HTMLInputElement>(null);
  const bytesRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>();
  const problemId = useId();

  const commitRate = () => {
    const avg = typed(avgRef.current?.value ?? '');
    const peak = typed(peakRef.current?.value ?? '');
    if (avg === rate?.avg && peak === rate?.peak) return setProblem(undefined);
    if (avg === undefined && peak !== undefined) return setProblem('Give the average too (or leave both empty for the default).');
    if ((avg !== undefined && Number.isNaN(avg)) || (peak !== undefined && Number.isNaN(peak))) return setProblem('Type a number per second.');
    setProblem(apply(avg === undefined ? undefined : { avg, ...(peak === undefined ? {} : { peak }) }));
  };
  const commitBytes = () => {
    if (!itemBytes) return;
    const bytes = typed(bytesRef.current?.value ?? '');
    if (bytes === itemBytes.value) return setProblem(undefined);
    if (bytes !== undefined && Number.isNaN(bytes)) return setProblem('Type a number of bytes.');
    setProblem(itemBytes.apply(bytes));
  };
  const onKeyRate = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commitRate();
  };
  const onKeyBytes = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commitBytes();
  };
  const onBlurRate = (event: FocusEvent<HTMLInputElement>) => {
    // Moving from the average to the peak is one edit: apply when the pair is left.
    if (event.relatedTarget !== avgRef.current && event.relatedTarget !== peakRef.current) commitRate();
  };

  // Inputs start again from the model whenever it changes (the analysis of what was written).
  const rateKey = `${rate?.avg ?? ''}/${rate?.peak ?? ''}`;
  return (
    <>
      <span className="tw-cost__workload-name">{name}</span>
      <input
        key={`avg ${rateKey}`}
        ref={avgRef}
        className="tw-cost__input"
        inputMode="decimal"
        aria-label={`${name}: ${what} on average`}
        aria-describedby={problem ? problemId : undefined}
        defaultValue={rate === undefined ? '' : String(rate.avg)}
        placeholder={String(fallback.avg)}
        onBlur={onBlurRate}
        onKeyDown={onKeyRate}
      />
      <input
        key={`peak ${rateKey}`}
        ref={peakRef}
        className="tw-cost__input"
        inputMode="decimal"
        aria-label={`${name}: ${what} at the peak`}
        aria-describedby={problem ? problemId : undefined}
        defaultValue={rate?.peak === undefined ? '' : String(rate.peak)}
        placeholder={rate === undefined ? String(fallback.peak) : String(rate.avg)}
        onBlur={onBlurRate}
        onKeyDown={onKeyRate}
      />
      {itemBytes ? (
        <input
          key={`bytes ${itemBytes.value ?? ''}`}
          ref={bytesRef}
          className="tw-cost__input"
          inputMode="numeric"
          aria-label={`${name}: item bytes`}
          aria-describedby={problem ? problemId : undefined}
          defaultValue={itemBytes.value === undefined ? '' : String(itemBytes.value)}
          placeholder="samples"
          onBlur={commitBytes}
          onKeyDown={onKeyBytes}
        />
      ) : (
        <span />
      )}
      <span className={problem ? 'tw-cost__failed' : 'tw-cost__muted'} id={problemId} role={problem ? 'alert' : undefined}>
        {problem ?? (rate === undefined ? `default ${units(fallback.avg)}/${units(fallback.peak)}` : '')}
      </span>
    </>
  );
}
