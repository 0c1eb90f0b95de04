// The app shell: header, notices, then the editor beside the panels (design,
// items, patterns, writes, code, run), split by a handle that mouse and keyboard move;
// on a narrow screen the editor sits above the panels, and the handle moves up and down.
// The handle's place is kept with the work.
import { useEffect, useState } from 'react';
import { useAppStore } from './store/appStore.ts';
import { useModelName } from './store/selectors.ts';
import { MAX_EDITOR_SHARE, MIN_EDITOR_SHARE } from './store/types.ts';
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
import { useNarrowScreen } from './ui/app/useNarrowScreen.ts';

export function App() {
  const { dark } = useEffectiveTheme();
  const dragging = useFileDrop();
  const [dialog, setDialog] = useState<'paste' | 'share' | undefined>(undefined);
  const editorShare = useAppStore((s) => s.editorShare);
  const setEditorShare = useAppStore((s) => s.setEditorShare);
  const narrow = useNarrowScreen();
  useGlobalShortcuts();
  const modelName = useModelName();
  useEffect(() => {
    document.title = modelName === undefined ? 'Tablewright' : `${modelName} · Tablewright`;
  }, [modelName]);

  return (
    <div className="app">
      <Header onPaste={() => setDialog('paste')} onShare={() => setDialog('share')} />
      <NoticeBar />
      <main
        className={`workspace${narrow ? ' workspace--stacked' : ''}`}
        style={
          narrow
            ? { gridTemplateRows: `minmax(140px, ${String(editorShare)}%) auto minmax(240px, 1fr)` }
            : { gridTemplateColumns: `minmax(300px, ${String(editorShare)}%) auto minmax(360px, 1fr)` }
        }
      >
        <EditorPane dark={dark} />
        <Splitter
          value={editorShare}
          onChange={setEditorShare}
          min={MIN_EDITOR_SHARE}
          max={MAX_EDITOR_SHARE}
          label="Resize the editor"
          orientation={narrow ? 'horizontal' : 'vertical'}
        />
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
