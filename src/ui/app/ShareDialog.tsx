// "Share link": the whole model and its design's layout (index names, key
// templates), key mode and pinned deployed design in the URL's hash. Holds nothing else (no
// settings, endpoints or credentials); anyone with the link sees the model and its design.
import { useMemo, useState } from 'react';
import { useDeployed, useKeptLayout, useKeysMode, useSource } from '../../store/selectors.ts';
import { shareUrl } from '../../store/shareLink.ts';
import { copyText } from '../shared/copyText.ts';
import { Dialog } from '../shared/Dialog.tsx';

/** Links longer than this get cut by some chat apps and mail clients. */
const LONG_LINK = 8000;

export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const source = useSource();
  const layout = useKeptLayout();
  const keys = useKeysMode();
  const deployed = useDeployed();
  const made = useMemo(() => (open ? shareUrl(window.location.href, source, layout, keys, deployed) : undefined), [open, source, layout, keys, deployed]);
  // A model too large for a link gets no link at all: one that would not open is worse than none.
  const url = made?.kind === 'ok' ? made.url : '';
  const [status, setStatus] = useState('');

  const close = () => {
    setStatus('');
    onClose();
  };

  return (
    <Dialog
      open={open}
      title="Share this model"
      onClose={close}
      footer={
        <>
          <span role="status" className="dialog__status">
            {status}
          </span>
          <button
            type="button"
            className="button button--primary"
            disabled={url === ''}
            onClick={() => void copyText(url).then((ok) => setStatus(ok ? 'Link copied.' : 'The browser refused the clipboard: select the link and copy it.'))}
          >
            Copy link
          </button>
        </>
      }
    >
      <p>
        The link holds the whole model, its design&apos;s index names and keys, whether its GSI keys are composite or native
        {deployed ? ', and the design pinned as deployed' : ''}, so it opens the same model and design anywhere, without a server. Nothing else goes in it.
      </p>
      {made?.kind === 'tooLarge' ? (
        <p className="error-text" role="alert">
          {made.message}
        </p>
      ) : (
        <label className="field">
          <span className="field__label">Share link</span>
          <input className="field__input" type="text" readOnly data-autofocus value={url} onFocus={(event) => event.target.select()} />
        </label>
      )}
      {made?.kind === 'ok' && made.layoutLeftOut && (
        <p className="warning-text">
          The design&apos;s layout did not fit in the link, so it holds the model and its key mode alone: it opens with a design derived afresh, whose GSI names
          may differ from these.
        </p>
      )}
      {url.length > LONG_LINK && (
        <p className="warning-text">
          This link is {url.length.toLocaleString()} characters long; some apps cut long links. Save the model as a file to be sure.
        </p>
      )}
    </Dialog>
  );
}
