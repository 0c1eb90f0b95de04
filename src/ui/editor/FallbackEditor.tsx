// The plain textarea shown while Monaco loads (or if it cannot): the same text,
// editable, with the app's undo on Ctrl/Cmd+Z.
import { useEffect, useRef } from 'react';
import { useSource, useSourceActions, useHistory } from '../../store/selectors.ts';
import { registerEditor } from './editorBridge.ts';

export function FallbackEditor({ label }: { label: string }) {
  const source = useSource();
  const { setSource } = useSourceActions();
  const { undo, redo } = useHistory();
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(
    () =>
      registerEditor((line, column) => {
        const area = ref.current;
        if (!area) return;
        const lines = area.value.split('\n');
        const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
        area.focus();
        area.setSelectionRange(offset, offset);
      }),
    [],
  );

  return (
    <textarea
      ref={ref}
      className="editor-fallback"
      aria-label={label}
      spellCheck={false}
      value={source.text}
      onChange={(event) => setSource(event.target.value)}
      onKeyDown={(event) => {
        if (!(event.ctrlKey || event.metaKey)) return;
        const key = event.key.toLowerCase();
        if (key === 'z' || key === 'y') {
          event.preventDefault();
          if (key === 'y' || event.shiftKey) redo();
          else undo();
        }
      }}
    />
  );
}
