// "Paste problem": a problem in either form, pasted into a box. It opens only
// if it loads without errors; otherwise the located errors show here and the
// current work stays.
import { useState } from 'react';
import { Dialog } from '../shared/Dialog.tsx';
import { openProblemText } from './openProblem.ts';

export function PasteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const close = () => {
    setErrors([]);
    onClose();
  };

  const submit = () => {
    const result = openProblemText(text);
    if (result.ok) {
      setText('');
      close();
    } else setErrors(result.errors);
  };

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
          <button type="button" className="button button--primary" onClick={submit} disabled={text.trim() === ''}>
            Open
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
        {errors.length > 0 && (
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
