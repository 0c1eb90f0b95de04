// A runner failure in words: what happened, then what to do. Text between
// backticks (commands, flags) is shown as code.
import type { DescribedError } from '../../runner/index.ts';

function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function ErrorMessage({ error, label }: { error: DescribedError; label?: string }) {
  return (
    <div className="tw-run__error" role="alert" {...(label ? { 'aria-label': label } : {})}>
      <p className="tw-run__error-message">{withCode(error.message)}</p>
      {error.hint !== undefined && <p className="tw-run__error-hint">{withCode(error.hint)}</p>}
    </div>
  );
}
