// The switch between the design's two ways of keying GSIs: composite (one string
// attribute per key, the default) or native (the items' own attributes, typed).
// Switching derives the design afresh in the other mode. Two radio buttons in a
// labelled group, each described by one line of what it means.
import { useId, type ReactNode } from 'react';
import type { KeysMode } from '../../engine/index.ts';
import { useKeysMode, useSetKeysMode } from '../../store/selectors.ts';
import './KeysModeSwitch.css';

const OPTIONS: readonly { mode: KeysMode; label: string; why: ReactNode }[] = [
  {
    mode: 'composite',
    label: 'Composite',
    why: (
      <>
        one string attribute per key: <code>GSI1PK = ORDER#{'{status}'}</code>
      </>
    ),
  },
  {
    mode: 'native',
    label: 'Native',
    why: <>the items&apos; own attributes, typed (string or number): up to 4 in the partition key and 4 in the sort key</>,
  },
];

export function KeysModeSwitch() {
  const mode = useKeysMode();
  const setMode = useSetKeysMode();
  const id = useId();
  return (
    <fieldset className="tw-keys-mode" aria-describedby={`${id}-note`}>
      <legend className="tw-keys-mode__legend">GSI keys</legend>
      <div className="tw-keys-mode__options">
        {OPTIONS.map((option) => (
          <div key={option.mode} className="tw-keys-mode__option">
            <input
              type="radio"
              id={`${id}-${option.mode}`}
              name={`${id}-keys`}
              value={option.mode}
              checked={mode === option.mode}
              onChange={() => setMode(option.mode)}
              aria-describedby={`${id}-${option.mode}-why`}
            />
            <label htmlFor={`${id}-${option.mode}`} className="tw-keys-mode__label">
              {option.label}
            </label>
            <span id={`${id}-${option.mode}-why`} className="tw-keys-mode__why">
              {option.why}
            </span>
          </div>
        ))}
      </div>
      <p id={`${id}-note`} className="tw-keys-mode__note">
        The table&apos;s own key is composite either way; switching derives the design afresh.
      </p>
    </fieldset>
  );
}
