// Generated code and exported files in a read-only Monaco view, coloured by their language
// (the basic tokenizers only: no language worker, to keep the build small). Each file has a model
// of its own, so switching files keeps each one's scroll position.
import { useEffect, useRef } from 'react';
import { monaco, monacoTheme } from '../editor/monacoSetup.ts';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/hcl/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/markdown/register';

export interface CodeViewProps {
  code: string;
  dark: boolean;
  /** The file's name: its model's address. */
  fileName?: string;
  /** A Monaco language id (typescript, json, yaml, hcl, shell, markdown). */
  language?: string;
  /** The view's accessible name. */
  label?: string;
}

export default function CodeView({ code, dark, fileName = 'accessPatterns.ts', language = 'typescript', label = 'Generated code' }: CodeViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const firstLabel = useRef(label);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = monaco.editor.create(host, {
      model: null,
      ariaLabel: firstLabel.current,
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineNumbersMinChars: 4,
      scrollBeyondLastLine: false,
      renderValidationDecorations: 'off',
    });
    editorRef.current = editor;
    return () => {
      editorRef.current = undefined;
      editor.dispose();
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const uri = monaco.Uri.parse(`inmemory://tablewright/${encodeURIComponent(fileName)}`);
    const existing = monaco.editor.getModel(uri);
    const model = existing && existing.getLanguageId() === language ? existing : (existing?.dispose(), monaco.editor.createModel(code, language, uri));
    if (model.getValue() !== code) model.setValue(code);
    if (editor.getModel() !== model) editor.setModel(model);
    editor.updateOptions({ ariaLabel: label });
  }, [code, fileName, language, label]);

  // Monaco's theme is global: the source editor and this view share it.
  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(dark));
  }, [dark]);

  return <div ref={hostRef} className="code-host" />;
}
