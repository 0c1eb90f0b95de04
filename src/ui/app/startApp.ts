// What happens once at start-up, before the first render: restore the autosaved
// work and its design's layout (or open the e-commerce example on a first visit),
// open a share link if the URL has one, and start autosaving. A share link is one
// undo step on top of the restored work; a damaged one opens nothing and says so.
import { DEFAULT_EXAMPLE, exampleText } from '../../examples/examples.ts';
import { appStore } from '../../store/appStore.ts';
import { autosave, readSavedWork, restoreWork } from '../../store/persistWork.ts';
import { readShareHash } from '../../store/shareLink.ts';

export function startApp(): void {
  const storage = safeLocalStorage();
  const saved = storage ? readSavedWork(storage) : undefined;
  if (saved) restoreWork(appStore, saved);
  else appStore.setState({ source: { text: exampleText(DEFAULT_EXAMPLE), format: 'text' } });

  openShareLinkFromUrl();
  window.addEventListener('hashchange', openShareLinkFromUrl);

  if (storage) {
    autosave(appStore, storage, () =>
      appStore.getState().showNotice({
        kind: 'error',
        title: 'Your work could not be saved in this browser (storage is full or blocked). Save it as a file to keep it.',
        details: [],
      }),
    );
  }
}

function openShareLinkFromUrl(): void {
  const result = readShareHash(window.location.hash);
  if (result.kind === 'none') return;
  // The link has done its job: a reload restores the autosaved work instead of reopening it.
  history.replaceState(null, '', window.location.pathname + window.location.search);
  const { openSource, showNotice } = appStore.getState();
  if (result.kind === 'error') {
    showNotice({ kind: 'error', title: result.message, details: [] });
    return;
  }
  const before = appStore.getState().source;
  // With the layout, key mode and deployed design the link carries, so its design has the same GSI names and keys as the one shared.
  openSource(result.source, result.layout, result.keys, result.deployed);
  if (appStore.getState().source !== before) {
    showNotice({ kind: 'info', title: 'Opened the model from the link. Undo (Ctrl+Z) brings back what you had.', details: [] });
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
