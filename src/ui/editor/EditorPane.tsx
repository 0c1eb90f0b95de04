// The left pane: the model's form (text or problem JSON), the editor (Monaco,
// loaded lazily; a textarea with the same text until it arrives) and the
// problems of the source.
import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useSamplesShown, useSourceActions, useSourceFormat } from '../../store/selectors.ts';
import type { SourceFormat } from '../../store/types.ts';
import { FallbackEditor } from './FallbackEditor.tsx';
import { LanguageHelpButton } from './LanguageHelp.tsx';
import { ProblemsList } from './ProblemsList.tsx';

const MonacoEditor = lazy(() => import('./MonacoEditor.tsx'));
/** The longest Monaco waits for the page's first samples. */
const MONACO_WAIT_MS = 3_000;
/** The longest an idle moment is waited for once the samples are shown. */
const IDLE_WAIT_MS = 500;

/** Runs `run` when the page is next idle (at most IDLE_WAIT_MS from now); returns the cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}

// Monaco's "Toggle Tab Key Moves Focus": without it, Tab indents and keeps focus in the editor.
const TAB_FOCUS_KEYS = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Ctrl+Shift+M' : 'Ctrl+M';

const FORMATS: { format: SourceFormat; label: string }[] = [
  { format: 'text', label: 'Text' },
  { format: 'json', label: 'Problem JSON' },
];

export function EditorPane({ dark }: { dark: boolean }) {
  // The form alone: reading the whole source drew this pane, Monaco's component and the problems list again at every keystroke.
  const format = useSourceFormat();
  const { setFormat } = useSourceActions();
  const label = 'Model';
  // Monaco (half a megabyte of script to run on the page's thread) loads once the first design's samples
  // are shown and the page is idle (their grid drawn: the store holds them a render before the grid does),
  // or after MONACO_WAIT_MS: its script does not run between a 100,000-item sample and its grid. The textarea
  // edits meanwhile.
  const samplesShown = useSamplesShown();
  const [monaco, setMonaco] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setMonaco(true), MONACO_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!samplesShown || monaco) return;
    return whenIdle(() => setMonaco(true));
  }, [samplesShown, monaco]);

  return (
    <section className="editor-pane" aria-label="Model editor">
      <div className="pane-toolbar">
        <h2 className="pane-title">Model</h2>
        <p className="pane-hint">
          <kbd>{TAB_FOCUS_KEYS}</kbd> makes <kbd>Tab</kbd> leave the editor
        </p>
        <div className="segmented" role="group" aria-label="Model form">
          {FORMATS.map((f) => (
            <button key={f.format} type="button" className="segmented__button" aria-pressed={format === f.format} onClick={() => setFormat(f.format)}>
              {f.label}
            </button>
          ))}
        </div>
        <LanguageHelpButton />
      </div>
      <div className="editor-frame">
        <EditorBoundary fallback={<FallbackEditor label={label} />}>
          <Suspense fallback={<FallbackEditor label={label} />}>
            {monaco ? <MonacoEditor dark={dark} label={label} /> : <FallbackEditor label={label} />}
          </Suspense>
        </EditorBoundary>
      </div>
      <ProblemsList />
    </section>
  );
}

/** If Monaco fails to load (an old browser, a broken chunk), keep editing in the textarea. */
class EditorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
