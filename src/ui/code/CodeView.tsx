// The generated module in a read-only Monaco view with TypeScript colours
// (the basic tokenizer only: no TypeScript worker, to keep the build small).
import { useEffect, useRef } from 'react';
import { monaco, monacoTheme } from '../editor/monacoSetup.ts';

const CODE_URI = monaco.Uri.parse('inmemory://tablewright/accessPatterns.ts');

export default function CodeView({ code, dark }: { code: string; dark: boolean }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const model = monaco.editor.getModel(CODE_URI) ?? monaco.editor.createModel('', 'typescript', CODE_URI);
    const editor = monaco.editor.create(host, {
      model,
      readOnly: true,
      domReadOnly: true,
      ariaLabel: 'Generated code',
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
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== code) model.setValue(code);
  }, [code]);

  // Monaco's theme is global: the source editor and this view share it.
  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(dark));
  }, [dark]);

  return <div ref={hostRef} className="code-host" />;
}
