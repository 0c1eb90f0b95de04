// The price table the design is costed at (saved with the work): each price, the region and date
// it holds for, and the target utilisation of provisioned capacity. A value is taken as it is typed
// when the table it makes has no problems (priceTableProblems); otherwise the problem is said and
// the figures stay at the last good table. "Reset to list prices" goes back to DEFAULT_PRICES.
import { useId, useState } from 'react';
import { DEFAULT_PRICES, DEFAULT_TARGET_UTILIZATION, PRICE_FIELDS, type PriceTable } from '../../engine/index.ts';
import { useCostSettings } from '../../store/selectors.ts';

type Field = keyof PriceTable | 'targetUtilization';

export function PriceEditor() {
  const heading = useId();
  const { prices, targetUtilization, setPrices, resetPrices, setTargetUtilization } = useCostSettings();
  // Inputs start again from the store after a reset (they are not re-read while typed in).
  const [generation, setGeneration] = useState(0);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const say = (field: Field, problem: string | undefined) => setProblems((p) => ({ ...p, [field]: problem }));

  const setPrice = (field: keyof PriceTable, text: string) => {
    const value = PRICE_FIELDS.some((f) => f.field === field) ? (text.trim() === '' ? Number.NaN : Number(text)) : text;
    const found = setPrices({ ...prices, [field]: value });
    say(field, found.find((p) => p.startsWith(field)) ?? found[0]);
  };
  const setUtilization = (text: string) => {
    const percent = Number(text);
    if (text.trim() === '' || !(percent > 0 && percent <= 100))
      return say('targetUtilization', 'The target utilisation is a percentage above 0 and at most 100.');
    say('targetUtilization', undefined);
    setTargetUtilization(percent / 100);
  };
  const reset = () => {
    resetPrices();
    setTargetUtilization(DEFAULT_TARGET_UTILIZATION);
    setProblems({});
    setGeneration((g) => g + 1);
  };

  const listed = JSON.stringify(prices) === JSON.stringify(DEFAULT_PRICES) && targetUtilization === DEFAULT_TARGET_UTILIZATION;
  return (
    <section className="tw-cost__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-cost__heading">
        Prices
      </h3>
      <p className="tw-cost__muted">
        US dollars, Standard table class, without the free tier, reserved capacity or taxes.{' '}
        {listed ? `DynamoDB’s list prices in ${DEFAULT_PRICES.region} on ${DEFAULT_PRICES.date}.` : 'Edited: saved with the work.'}
      </p>
      <div className="tw-cost__prices" key={generation}>
        <PriceInput label="Region" field="region" value={prices.region} problem={problems.region} onChange={(t) => setPrice('region', t)} />
        <PriceInput label="Date" field="date" value={prices.date} problem={problems.date} onChange={(t) => setPrice('date', t)} />
        {PRICE_FIELDS.map(({ field, label }) => (
          <PriceInput
            key={field}
            label={field === 'hoursPerMonth' ? label : `$ ${label}`}
            field={field}
            numeric
            value={String(prices[field])}
            problem={problems[field]}
            onChange={(t) => setPrice(field, t)}
          />
        ))}
        <PriceInput
          label="Target utilisation of provisioned capacity (%)"
          field="targetUtilization"
          numeric
          value={String(Math.round(targetUtilization * 1000) / 10)}
          problem={problems.targetUtilization}
          onChange={setUtilization}
        />
      </div>
      <button type="button" className="button button--small" onClick={reset} disabled={listed}>
        Reset to list prices
      </button>
    </section>
  );
}

function PriceInput({
  label,
  field,
  value,
  numeric,
  problem,
  onChange,
}: {
  label: string;
  field: Field;
  value: string;
  numeric?: boolean;
  problem: string | undefined;
  onChange: (text: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="tw-cost__price-label">
        {label}
      </label>
      <input
        id={id}
        name={field}
        className="tw-cost__input"
        inputMode={numeric ? 'decimal' : undefined}
        defaultValue={value}
        aria-invalid={problem !== undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-problem`} className="tw-cost__failed" role={problem ? 'alert' : undefined}>
        {problem ?? ''}
      </span>
    </>
  );
}
