// The items toolbar's line about the last write (run in the Writes view): how
// many of this view's entries it changed, and a switch to show only those
// (before and after), so that a moved entry's two rows sit together.
import { useId } from 'react';

export interface WriteMarksToggleProps {
  /** `table` or the GSI's name. */
  view: string;
  /** Rows the write marks in this view (before and after). */
  entries: number;
  /** Of those, the ones the entity filter lets through. */
  shown: number;
  only: boolean;
  onOnly: (only: boolean) => void;
}

export function WriteMarksToggle({ view, entries, shown, only, onOnly }: WriteMarksToggleProps) {
  const id = useId();
  return (
    <p className="tw-items__writes">
      <span>
        {entries === 0
          ? `The last write changed no entry in ${view}.`
          : `The last write: ${entries} ${entries === 1 ? 'row' : 'rows'} marked before/after in ${view}${shown < entries ? ` (${shown} with this entity filter)` : ''}.`}
      </span>{' '}
      <input id={id} type="checkbox" checked={only} onChange={(e) => onOnly(e.target.checked)} />
      <label htmlFor={id}>Only the last write&apos;s changes</label>
    </p>
  );
}
