// The Code panel: the generated AccessPatterns module and every export of the engine's
// EXPORT_FORMATS (CloudFormation, CDK, Terraform, AWS CLI, Markdown, and whatever the table
// gains), each a tab with Copy and Download. Only the open tab's files are computed. Until
// Monaco arrives the code shows as plain preformatted text.
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { EXPORT_FORMATS, type ExportFile } from '../../engine/index.ts';
import { useCode, useCostSettings, useDesign, useStale } from '../../store/selectors.ts';
import { copyText } from '../shared/copyText.ts';
import { downloadText } from '../shared/downloadText.ts';
import { tabKeyTarget } from '../shared/tabKeys.ts';
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
    const to = tabKeyTarget(
      event.key,
      TABS.findIndex((t) => t.id === tab),
      TABS.length,
    );
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
        {tab === MODULE_TAB ? (
          <FileView
            intro={
              <>
                <code>{CODE_FILE_NAME}</code>: one typed function per access pattern, for <code>@aws-sdk/lib-dynamodb</code>
              </>
            }
            file={{ name: CODE_FILE_NAME, text: code, mediaType: 'text/typescript', language: 'typescript' }}
            labels={{ copy: 'Copy code', download: 'Download code', view: 'Generated code' }}
            dark={dark}
          />
        ) : (
          <ExportView key={tab} formatId={tab} dark={dark} />
        )}
      </div>
    </section>
  );
}

interface FileViewProps {
  intro: ReactNode;
  /** The file shown; undefined while it is made (or when it could not be). */
  file: ExportFile | undefined;
  /** Accessible names of the buttons and the view (default: with the file's name). */
  labels?: { copy: string; download: string; view: string };
  /** Between the intro and the buttons (a file switch). */
  tools?: ReactNode;
  /** In place of the view while there is no file. */
  placeholder?: ReactNode;
  dark: boolean;
}

/** One file: the intro, Copy and Download, and the read-only view. */
function FileView({ intro, file, labels, tools, placeholder, dark }: FileViewProps) {
  const stale = useStale();
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  const name = file?.name ?? '';
  return (
    <>
      <div className="pane-toolbar">
        <p className="code-panel__intro">
          {intro}
          {stale ? ' (from the last design without errors)' : ''}.
        </p>
        {tools}
        <span className="code-panel__status" role="status">
          {status}
        </span>
        <button
          type="button"
          className="button"
          aria-label={labels?.copy ?? (file ? `Copy ${name}` : 'Copy')}
          disabled={!file}
          onClick={() => {
            if (file)
              void copyText(file.text).then((ok) => setStatus(ok ? 'Copied to the clipboard.' : 'The browser refused the clipboard: use Download instead.'));
          }}
        >
          Copy
        </button>
        <button
          type="button"
          className="button"
          aria-label={labels?.download ?? (file ? `Download ${name}` : 'Download')}
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
        {file ? (
          <Suspense fallback={<pre className="code-fallback">{file.text}</pre>}>
            <CodeView code={file.text} dark={dark} fileName={file.name} language={file.language} label={labels?.view ?? file.name} />
          </Suspense>
        ) : (
          placeholder
        )}
      </div>
    </>
  );
}

type Files = { state: 'computing' } | { state: 'ready'; files: ExportFile[] } | { state: 'failed'; error: string };

/** One export: its files for the current design (computed while this tab is open), one shown. */
function ExportView({ formatId, dark }: { formatId: string; dark: boolean }) {
  const design = useDesign();
  const { prices, targetUtilization } = useCostSettings();
  const format = EXPORT_FORMATS.find((f) => f.id === formatId);
  const [files, setFiles] = useState<Files>({ state: 'computing' });
  const [shown, setShown] = useState(0);

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
    <FileView
      intro={format?.summary.replace(/\.$/, '')}
      file={file}
      tools={
        ready.length > 1 && (
          <div className="segmented" role="group" aria-label="Files">
            {ready.map((f, i) => (
              <button key={f.name} type="button" className="segmented__button" aria-pressed={f === file} onClick={() => setShown(i)}>
                {f.name}
              </button>
            ))}
          </div>
        )
      }
      placeholder={
        files.state === 'failed' ? (
          <p className="empty" role="alert">
            This export could not be made: {files.error}
          </p>
        ) : (
          <p className="empty">Preparing the {format?.label ?? formatId} export…</p>
        )
      }
      dark={dark}
    />
  );
}
