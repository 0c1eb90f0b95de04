// The source editor on Monaco (loaded lazily through EditorPane). Keeps the
// editor and the store in step without moving the cursor: typing goes to the
// store; the store's text goes back only when it changed from elsewhere (undo,
// an example, a file), as the smallest edit. Undo/redo keys use the app's
// history, so the toolbar, Ctrl+Z anywhere and the editor agree. An edit past
// the size limit is refused (the store's text comes back, with a notice).
import { useEffect, useRef } from 'react';
import { appStore } from '../../store/appStore.ts';
import type { SourceFormat } from '../../store/types.ts';
import { registerEditor } from './editorBridge.ts';
import { toMarkers } from './markers.ts';
import { editSizeProblem } from '../../store/sourceLimit.ts';
import { minimalEdit } from './minimalEdit.ts';
import { MODEL_LANGUAGE_ID } from './modelLanguage.ts';
import { monaco, monacoTheme, SOURCE_URI } from './monacoSetup.ts';

const MARKER_OWNER = 'tablewright';

function languageOf(format: SourceFormat): string {
  return format === 'json' ? 'json' : MODEL_LANGUAGE_ID;
}

export default function MonacoEditor({ dark, label }: { dark: boolean; label: string }) {
  const hostRef = useRef<HTMLDivElement>(null);

  // Monaco's theme is global (shared with the code view); set before the editor is made.
  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(dark));
  }, [dark]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const initial = appStore.getState().source;
    const model = monaco.editor.getModel(SOURCE_URI) ?? monaco.editor.createModel(initial.text, languageOf(initial.format), SOURCE_URI);
    model.setEOL(monaco.editor.EndOfLineSequence.LF);
    if (model.getValue() !== initial.text) model.setValue(initial.text);
    monaco.editor.setModelLanguage(model, languageOf(initial.format));

    const editor = monaco.editor.create(host, {
      model,
      ariaLabel: label,
      automaticLayout: true,
      // The model language has no region markers and no colours: Monaco otherwise scanned the whole text in its
      // worker after each key for section headers (the minimap's, even when hidden) and colour codes (a swatch for `#fff`).
      minimap: { enabled: false, showRegionSectionHeaders: false, showMarkSectionHeaders: false },
      defaultColorDecorators: 'never',
      fontSize: 13,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      wordWrap: 'off',
      tabSize: 2,
      insertSpaces: true,
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      hover: { delay: 250 },
      quickSuggestions: { other: true, comments: false, strings: false },
      accessibilityPageSize: 20,
    });

    let applyingOutside = false;
    /** Puts `text` (the store's) into the editor as the smallest edit, or as a new document when most of it changed. */
    const applyStoreText = (text: string) => {
      const current = model.getValue();
      const edit = minimalEdit(current, text);
      if (!edit) return;
      applyingOutside = true;
      try {
        // A new document (an example, a file, the other form) starts at the top; a small change
        // (undo of typing) keeps the view and puts the cursor where the change was.
        if (edit.end - edit.start > current.length / 2 || edit.text.length > text.length / 2) {
          model.setValue(text);
          editor.setPosition({ lineNumber: 1, column: 1 });
          editor.revealLine(1);
        } else {
          const from = model.getPositionAt(edit.start);
          const to = model.getPositionAt(edit.end);
          const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
          model.pushEditOperations(editor.getSelections() ?? [], [{ range, text: edit.text, forceMoveMarkers: true }], () => null);
          const end = model.getPositionAt(edit.start + edit.text.length);
          editor.setPosition(end);
          editor.revealPositionInCenterIfOutsideViewport(end);
        }
      } finally {
        applyingOutside = false;
      }
    };

    const typed = model.onDidChangeContent(() => {
      if (applyingOutside) return;
      const store = appStore.getState();
      // Past the size limit the edit (a big paste, mostly) is refused without reading the text,
      // and the editor goes back to the store's text once this change has finished.
      const tooBig = editSizeProblem(model.getValueLength());
      if (tooBig !== undefined) store.showNotice({ kind: 'error', title: tooBig, details: [] });
      else store.setSource(model.getValue());
      if (tooBig !== undefined || appStore.getState().source.text.length !== model.getValueLength()) {
        setTimeout(() => {
          if (!model.isDisposed()) applyStoreText(appStore.getState().source.text);
        }, 0);
      }
    });

    const showMarkers = () => {
      const { diagnostics, sourceMap, source, analyzing } = appStore.getState();
      // Markers of an older text would sit on the wrong characters: wait for this text's analysis.
      if (analyzing || model.getValue() !== source.text) return;
      // The lines' lengths as Monaco holds them: a copy of the 1,000-pattern model's 3,000 lines took 4 ms a keystroke.
      const lines = { count: model.getLineCount(), lengthOf: (line: number) => model.getLineLength(line) };
      const markers = toMarkers(diagnostics, sourceMap, lines).map((m) => ({
        ...m,
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        source: 'Tablewright',
      }));
      monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    };
    showMarkers();

    const unsubscribe = appStore.subscribe((state, previous) => {
      if (state.source !== previous.source) {
        if (state.source.format !== previous.source.format) monaco.editor.setModelLanguage(model, languageOf(state.source.format));
        applyStoreText(state.source.text);
      }
      if (state.diagnostics !== previous.diagnostics || state.analyzing !== previous.analyzing || state.source !== previous.source) showMarkers();
    });

    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => appStore.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => appStore.getState().redo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => appStore.getState().redo());

    const unregister = registerEditor((lineNumber, column) => {
      editor.setPosition({ lineNumber, column });
      editor.revealPositionInCenter({ lineNumber, column });
      editor.focus();
    });

    return () => {
      unregister();
      unsubscribe();
      typed.dispose();
      editor.dispose();
      // The model stays (its URI is fixed), so a remount keeps Monaco's view state cheap.
    };
  }, [label]);

  return <div ref={hostRef} className="editor-host" data-testid="monaco-host" />;
}
