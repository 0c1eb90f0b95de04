// The Code panel: the generated AccessPatterns module and every export of the engine's
// EXPORT_FORMATS (CloudFormation, CDK, Terraform, AWS CLI, the design document, and whatever the
// table gains), each a tab with Copy and Download. Only the open tab's files are computed. Until
// Monaco arrives the code shows as plain preformatted text.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFile } from '../../engine/index.ts';
import { useCode, useCostSettings, useDesign, useStale } from '../../store/selectors.ts';
import { copyText } from '../shared/copyText.ts';
import { downloadText } from '../shared/downloadText.ts';
import { exportFiles } from './exportFiles.ts';
import './CodePanel.css';

const CodeView = lazy(() => import('./CodeView.tsx'));

export const CODE_FILE_NAME = 'accessPatterns.ts';

/** The module's tab, then one per export format. */
const MODULE_TAB = 'module';
const TABS = [{ id: MODULE_TAB, label: 'Module' }, ...EXPORT_FORMATS.map((f) => ({ id: f.id, label: f.label }))];

export function CodePanel({ dark }: { dark: boolean }) {
  const code = useCode();
  const [tab, setTab] = useState(MODULE_TAB);
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});

  if (code === '') {
    return (
      <section className="code-panel" aria-label="Code">
        <p className="empty">No code yet: once the model has no errors, its AccessPatterns module and its exports appear here.</p>
      </section>
    );
  }

  const onKey = (event: React.KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const to =
      event.key === 'ArrowRight' ? (at + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (at - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : undefined;
    if (to === undefined) return;
    event.preventDefault();
    const id = TABS[to]?.id ?? MODULE_TAB;
    setTab(id);
    tabs.current[id]?.focus();
  };

  return (
    <section className="code-panel code-panel--tabs" aria-label="Code">
      <div className="tabs code-panel__tabs" role="tablist" aria-label="Code and exports" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`code-tab-${t.id}`}
            className="tab"
            aria-selected={tab === t.id}
            aria-controls="code-tabpanel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="code-panel__body" role="tabpanel" id="code-tabpanel" aria-labelledby={`code-tab-${tab}`}>
        {tab === MODULE_TAB ? <ModuleView code={code} dark={dark} /> : <ExportView key={tab} formatId={tab} dark={dark} />}
      </div>
    </section>
  );
}

/** A message in the toolbar's status that clears itself. */
function useStatus(): [string, (text: string) => void] {
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  return [status, setStatus];
}

function ModuleView({ code, dark }: { code: string; dark: boolean }) {
  const stale = useStale();
  const [status, setStatus] = useStatus();
  return (
    <>
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
    </>
  );
}

type Files = { state: 'computing' } | { state: 'ready'; files: ExportFile[] } | { state: 'failed'; error: string };

/** One export: its files for the current design (computed while this tab is open), one shown, with Copy and Download. */
function ExportView({ formatId, dark }: { formatId: string; dark: boolean }) {
  const design = useDesign();
  const stale = useStale();
  const { prices, targetUtilization } = useCostSettings();
  const format = EXPORT_FORMATS.find((f) => f.id === formatId);
  const [files, setFiles] = useState<Files>({ state: 'computing' });
  const [shown, setShown] = useState(0);
  const [status, setStatus] = useStatus();

  useEffect(() => {
    if (!design) return;
    let current = true;
    exportFiles(formatId, { design, prices, targetUtilization }).then(
      (made) => current && setFiles({ state: 'ready', files: made }),
      (e: unknown) => current && setFiles({ state: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [formatId, design, prices, targetUtilization]);

  const ready = files.state === 'ready' ? files.files : [];
  const file = ready[Math.min(shown, ready.length - 1)];
  return (
    <>
      <div className="pane-toolbar">
        <p className="code-panel__intro">
          {format?.summary}
          {stale ? ' (From the last design without errors.)' : ''}
        </p>
        {ready.length > 1 && (
          <div className="segmented" role="group" aria-label="Files">
            {ready.map((f, i) => (
              <button key={f.name} type="button" className="segmented__button" aria-pressed={f === file} onClick={() => setShown(i)}>
                {f.name}
              </button>
            ))}
          </div>
        )}
        <span className="code-panel__status" role="status">
          {status}
        </span>
        <button
          type="button"
          className="button"
          aria-label={file ? `Copy ${file.name}` : 'Copy'}
          disabled={!file}
          onClick={() => {
            if (file) void copyText(file.text).then((ok) => setStatus(ok ? 'Copied to the clipboard.' : 'The browser refused the clipboard: use Download instead.'));
          }}
        >
          Copy
        </button>
        <button
          type="button"
          className="button"
          aria-label={file ? `Download ${file.name}` : 'Download'}
          disabled={!file}
          onClick={() => {
            if (!file) return;
            downloadText(file.name, file.text, file.mediaType);
            setStatus(`Downloaded ${file.name}.`);
          }}
        >
          Download
        </button>
      </div>
      <div className="code-frame">
        {files.state === 'failed' ? (
          <p className="empty" role="alert">
            This export could not be made: {files.error}
          </p>
        ) : file ? (
          <Suspense fallback={<pre className="code-fallback">{file.text}</pre>}>
            <CodeView code={file.text} dark={dark} fileName={file.name} language={file.language} label={file.name} />
          </Suspense>
        ) : (
          <p className="empty">Preparing the {format?.label ?? formatId} export…</p>
        )}
      </div>
    </>
  );
}
