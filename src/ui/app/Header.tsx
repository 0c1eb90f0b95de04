// The app bar: the app's and the model's name, then the actions on the model
// (new, examples, open, paste, save, share, undo/redo) and the theme.
import { useRef } from 'react';
import { formatDiagnostic } from '../../engine/index.ts';
import { EXAMPLES, exampleText } from '../../examples/examples.ts';
import { appStore } from '../../store/appStore.ts';
import { convertSource } from '../../store/convertSource.ts';
import { useHistory, useModelName, useTheme, useUiActions } from '../../store/selectors.ts';
import type { SourceFormat, ThemeChoice } from '../../store/types.ts';
import { NEW_MODEL_TEXT } from '../editor/newModel.ts';
import { downloadText, fileSlug } from '../shared/downloadText.ts';
import { MenuButton } from '../shared/MenuButton.tsx';
import { IS_MAC, MOD } from '../shared/modifierKey.ts';
import { openProblemFile } from './openProblem.ts';
import { confirmReplaceWork, ReplaceWorkDialog } from './ReplaceWorkDialog.tsx';

export function Header({ onPaste, onShare }: { onPaste: () => void; onShare: () => void }) {
  const modelName = useModelName();
  const { canUndo, canRedo, undo, redo } = useHistory();
  const fileRef = useRef<HTMLInputElement>(null);

  return (
    <header className="app-header">
      <div className="app-header__title">
        <h1 className="brand">Tablewright</h1>
        {modelName !== undefined && (
          <p className="model-name" title={modelName}>
            <span className="visually-hidden">Model: </span>
            {modelName}
          </p>
        )}
      </div>
      <nav className="toolbar" aria-label="Model actions">
        <ExamplesMenu />
        <button
          type="button"
          className="button"
          onClick={() => fileRef.current?.click()}
          title="Open a problem file (JSON or text form) or a NoSQL Workbench model; you can also drop one on the page"
        >
          Open…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,.txt,.model,application/json,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Open problem file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void openProblemFile(file);
          }}
        />
        <button type="button" className="button" onClick={onPaste} title="Paste a problem (JSON or text form) or a NoSQL Workbench model">
          Paste…
        </button>
        <SaveMenu />
        <button type="button" className="button" onClick={onShare} title="A link that holds the whole model">
          Share link
        </button>
        <span className="toolbar__group" role="group" aria-label="History">
          <button type="button" className="button" onClick={undo} disabled={!canUndo} title={`Undo (${MOD}Z)`}>
            Undo
          </button>
          <button type="button" className="button" onClick={redo} disabled={!canRedo} title={`Redo (${MOD}${IS_MAC ? '⇧Z' : 'Y'})`}>
            Redo
          </button>
        </span>
        <ThemeSelect />
      </nav>
    </header>
  );
}

/** Opens `text` as the work (one undo step, so Undo brings the previous work back). */
function openText(text: string) {
  appStore.getState().openSource({ text, format: 'text' });
  appStore.getState().dismissNotice();
}

/**
 * "New model" (a commented skeleton) and the Examples menu. When the current work is the user's own
 * (not an example or the skeleton as opened), it asks first, and says that Undo brings it back.
 */
function ExamplesMenu() {
  const choose = async (name: string, text: string) => {
    if (await confirmReplaceWork(name)) openText(text);
  };
  return (
    <>
      <button type="button" className="button" title="Start from a short commented skeleton" onClick={() => void choose('a new model', NEW_MODEL_TEXT)}>
        New model
      </button>
      <MenuButton
        label="Examples"
        title="Open an example model"
        items={EXAMPLES.map((example) => ({ key: example.id, label: example.name, onSelect: () => void choose(example.name, exampleText(example)) }))}
      />
      <ReplaceWorkDialog />
    </>
  );
}

function SaveMenu() {
  const modelName = useModelName();
  const save = (format: SourceFormat) => {
    // Read when saving, not subscribed to: the menu is not drawn again at every keystroke.
    const { source } = appStore.getState();
    const slug = fileSlug(modelName);
    const name = format === 'json' ? `${slug}.problem.json` : `${slug}.model.txt`;
    // The current form is saved as it is, errors and all; the other form needs a model without errors.
    const converted = convertSource(source, format);
    if (!converted.ok) {
      appStore.getState().showNotice({
        kind: 'error',
        title: `The model has errors, so it cannot be converted to ${format === 'json' ? 'problem JSON' : 'the text form'}. Fix them, or save it as ${source.format === 'json' ? 'problem JSON' : 'text'}:`,
        details: converted.errors.map(formatDiagnostic),
      });
      return;
    }
    downloadText(name, converted.source.text, format === 'json' ? 'application/json' : 'text/plain');
  };
  return (
    <MenuButton
      label="Save"
      title="Download the model"
      items={[
        { key: 'json', label: 'Save as problem JSON', hint: '.problem.json', onSelect: () => save('json') },
        { key: 'text', label: 'Save as text', hint: '.model.txt', onSelect: () => save('text') },
      ]}
    />
  );
}

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Device theme' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function ThemeSelect() {
  const theme = useTheme();
  const { setTheme } = useUiActions();
  return (
    <select className="select" aria-label="Theme" value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
      {THEMES.map((t) => (
        <option key={t.value} value={t.value}>
          {t.label}
        </option>
      ))}
    </select>
  );
}
