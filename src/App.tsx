// The app shell: header, notices, then the editor beside the panels (design,
// items, patterns, writes, code, run), split by a handle that mouse and keyboard move.
import { useEffect, useState } from 'react';
import { useModelName } from './store/selectors.ts';
import { EditorPane } from './ui/editor/EditorPane.tsx';
import { Header } from './ui/app/Header.tsx';
import { NoticeBar } from './ui/app/NoticeBar.tsx';
import { PanelTabs } from './ui/app/PanelTabs.tsx';
import { PasteDialog } from './ui/app/PasteDialog.tsx';
import { ShareDialog } from './ui/app/ShareDialog.tsx';
import { Splitter } from './ui/app/Splitter.tsx';
import { useEffectiveTheme } from './ui/app/useEffectiveTheme.ts';
import { useFileDrop } from './ui/app/useFileDrop.ts';
import { useGlobalShortcuts } from './ui/app/useGlobalShortcuts.ts';

export function App() {
  const { dark } = useEffectiveTheme();
  const dragging = useFileDrop();
  const [dialog, setDialog] = useState<'paste' | 'share' | undefined>(undefined);
  const [editorShare, setEditorShare] = useState(40);
  useGlobalShortcuts();
  const modelName = useModelName();
  useEffect(() => {
    document.title = modelName === undefined ? 'Tablewright' : `${modelName} · Tablewright`;
  }, [modelName]);

  return (
    <div className="app">
      <Header onPaste={() => setDialog('paste')} onShare={() => setDialog('share')} />
      <NoticeBar />
      <main className="workspace" style={{ gridTemplateColumns: `minmax(320px, ${editorShare}%) auto minmax(420px, 1fr)` }}>
        <EditorPane dark={dark} />
        <Splitter value={editorShare} onChange={setEditorShare} min={25} max={65} label="Resize the editor" />
        <PanelTabs dark={dark} />
      </main>
      <PasteDialog open={dialog === 'paste'} onClose={() => setDialog(undefined)} />
      <ShareDialog open={dialog === 'share'} onClose={() => setDialog(undefined)} />
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          <p>Drop a problem file (JSON or text form) to open it</p>
        </div>
      )}
    </div>
  );
}
