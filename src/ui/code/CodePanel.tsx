// The generated AccessPatterns module for the current design, with Copy and
// Download. Until Monaco arrives the code shows as plain preformatted text.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useCode, useStale } from '../../store/selectors.ts';
import { copyText } from '../shared/copyText.ts';
import { downloadText } from '../shared/downloadText.ts';

const CodeView = lazy(() => import('./CodeView.tsx'));

export const CODE_FILE_NAME = 'accessPatterns.ts';

export function CodePanel({ dark }: { dark: boolean }) {
  const code = useCode();
  const stale = useStale();
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  if (code === '') {
    return (
      <section className="code-panel" aria-label="Code">
        <p className="empty">No code yet: once the model has no errors, its AccessPatterns module appears here.</p>
      </section>
    );
  }

  return (
    <section className="code-panel" aria-label="Code">
      <div className="pane-toolbar">
        <p className="code-panel__intro">
          <code>{CODE_FILE_NAME}</code>: one typed function per access pattern, for <code>@aws-sdk/lib-dynamodb</code>
          {stale ? ' (from the last design without errors)' : ''}.
        </p>
        <span className="code-panel__status" role="status">
          {status}
        </span>
        <button
          type="button"
          className="button"
          aria-label="Copy code"
          onClick={() => {
            void copyText(code).then((ok) => setStatus(ok ? 'Copied to the clipboard.' : 'The browser refused the clipboard: use Download instead.'));
          }}
        >
          Copy
        </button>
        <button
          type="button"
          className="button"
          aria-label="Download code"
          onClick={() => {
            downloadText(CODE_FILE_NAME, code, 'text/typescript');
            setStatus(`Downloaded ${CODE_FILE_NAME}.`);
          }}
        >
          Download
        </button>
      </div>
      <div className="code-frame">
        <Suspense fallback={<pre className="code-fallback">{code}</pre>}>
          <CodeView code={code} dark={dark} />
        </Suspense>
      </div>
    </section>
  );
}
