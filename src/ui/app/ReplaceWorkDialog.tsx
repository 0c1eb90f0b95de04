// "Replace your model?": asked before something replaces work of the user's own
// (an example, a new model, an imported NoSQL Workbench model), with the word that
// Undo brings it back. One dialog for every caller: `confirmReplaceWork(name)`
// resolves to whether to go on (at once, true, when the work is not the user's own).
import { useSyncExternalStore } from 'react';
import { EXAMPLES, exampleForms } from '../../examples/examples.ts';
import { appStore } from '../../store/appStore.ts';
import { workChanged } from '../editor/newModel.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { MOD } from '../shared/modifierKey.ts';

interface Pending {
  name: string;
  answer: (replace: boolean) => void;
}

let pending: Pending | undefined;
const listeners = new Set<() => void>();
const setPending = (next: Pending | undefined) => {
  pending = next;
  for (const l of listeners) l();
};

/** True when the current work is the user's own: not empty, and not an example or the skeleton as opened (in either form). */
export function ownWork(): boolean {
  return workChanged(appStore.getState().source.text, EXAMPLES.flatMap(exampleForms));
}

/** Whether to replace the work with `name`: asks when the work is the user's own (a question already open is answered no). */
export function confirmReplaceWork(name: string): Promise<boolean> {
  if (!ownWork()) return Promise.resolve(true);
  pending?.answer(false);
  return new Promise((resolve) => setPending({ name, answer: resolve }));
}

function answer(replace: boolean) {
  const p = pending;
  setPending(undefined);
  p?.answer(replace);
}

export function ReplaceWorkDialog() {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
  );
  return (
    <Dialog
      open={current !== undefined}
      title="Replace your model?"
      onClose={() => answer(false)}
      footer={
        <>
          <button type="button" className="button" onClick={() => answer(false)}>
            Cancel
          </button>
          <button type="button" className="button button--primary" data-autofocus onClick={() => answer(true)}>
            Open {current?.name}
          </button>
        </>
      }
    >
      <p>
        Your model has changes of your own. Opening {current?.name} replaces it in the editor; <strong>Undo</strong> ({MOD}Z) brings it back.
      </p>
    </Dialog>
  );
}
