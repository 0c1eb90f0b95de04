// "Paste problem": a problem in either form, pasted into a box. It opens only
// if it loads without errors; otherwise the located errors show here and the
// current work stays. A text past the size limit is refused as it is pasted.
import { useState } from 'react';
import { Dialog } from '../shared/Dialog.tsx';
import { sourceSizeProblem } from '../../store/sourceLimit.ts';
import { openProblemText } from './openProblem.ts';

export function PasteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const close = () => {
    setErrors([]);
    onClose();
  };

  const [opening, setOpening] = useState(false);

  const submit = async () => {
    setOpening(true);
    const result = await openProblemText(text).finally(() => setOpening(false));
    if (result.ok) {
      setText('');
      close();
    } else setErrors(result.errors);
  };
  const tooBig = sourceSizeProblem(text.length, 'The pasted model');

  return (
    <Dialog
      open={open}
      title="Paste a problem"
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void submit()}
            disabled={text.trim() === '' || opening || tooBig !== undefined}
          >
            {opening ? 'Opening…' : 'Open'}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">Problem JSON or model text</span>
        <textarea
          className="field__textarea"
          data-autofocus
          rows={14}
          spellCheck={false}
          value={text}
          aria-describedby="paste-errors"
          onChange={(event) => {
            setText(event.target.value);
            setErrors([]);
          }}
        />
      </label>
      <div id="paste-errors" role="alert">
        {tooBig !== undefined && <p className="error-text">{tooBig}</p>}
        {tooBig === undefined && errors.length > 0 && (
          <>
            <p className="error-text">
              Not opened: it has {errors.length} {errors.length === 1 ? 'error' : 'errors'}. Your current work was kept.
            </p>
            <ul className="error-list">
              {errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Dialog>
  );
}
