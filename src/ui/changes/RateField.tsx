// The backfill's rate (items a second), shared by the Changes view (the time it takes) and the Run
// panel (the most it updates a second): the store's migrationRate. What is typed stays as typed
// until it is a rate (above 0), and is said when it is not.
import { useId, useState } from 'react';
import { useAppStore } from '../../store/appStore.ts';
import { isMigrationRate } from '../../store/changesSlice.ts';
import './RateField.css';

export function RateField({ disabled = false }: { disabled?: boolean }) {
  const id = useId();
  const rate = useAppStore((s) => s.migrationRate);
  const setRate = useAppStore((s) => s.setMigrationRate);
  const [typed, setTyped] = useState<string | undefined>();
  const text = typed ?? String(rate);
  const valid = text.trim() !== '' && isMigrationRate(Number(text));
  return (
    <span className="tw-rate">
      <label htmlFor={id}>Rate</label>{' '}
      <input
        id={id}
        className="field__input tw-rate__input"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        value={text}
        disabled={disabled}
        aria-invalid={!valid}
        aria-describedby={`${id}-unit${valid ? '' : ` ${id}-error`}`}
        onChange={(event) => {
          setTyped(event.target.value);
          const n = Number(event.target.value);
          if (event.target.value.trim() !== '' && isMigrationRate(n)) setRate(n);
        }}
        onBlur={() => setTyped(undefined)}
      />{' '}
      <span id={`${id}-unit`}>items a second</span>
      {!valid && (
        <span id={`${id}-error`} className="tw-rate__error" role="alert">
          {' '}
          A rate is a number of items a second above 0; {rate} is used.
        </span>
      )}
    </span>
  );
}
