// The deployed design's bar, atop the Changes view: which design is pinned (table, identity), and the
// actions on it: Mark as deployed (the current design), Load deployed design… (a design.json file,
// refused with its located errors), Download design.json (for the CLI's --deployed and migrate),
// Unpin. Without a pinned design it says how to pin one.
import { useRef } from 'react';
import { designIdentity, layoutDocument } from '../../engine/index.ts';
import { appStore } from '../../store/appStore.ts';
import { useDeployActions, useDeployed, useModelName, useStale } from '../../store/selectors.ts';
import { fileSizeProblem } from '../../store/sourceLimit.ts';
import { downloadText, fileSlug } from '../shared/downloadText.ts';

async function loadFile(file: File, load: (text: string, name: string) => boolean): Promise<void> {
  const tooBig = fileSizeProblem(file.size, file.name);
  if (tooBig !== undefined) {
    appStore.getState().showNotice({ kind: 'error', title: tooBig.replace('Your current work was kept.', 'Nothing was pinned.'), details: [] });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    appStore.getState().showNotice({ kind: 'error', title: `${file.name} could not be read. Nothing was pinned.`, details: [] });
    return;
  }
  load(text, file.name);
}

export function DeployedBar() {
  const deployed = useDeployed();
  const stale = useStale();
  const modelName = useModelName();
  const { markDeployed, loadDeployed, unpinDeployed } = useDeployActions();
  const fileRef = useRef<HTMLInputElement>(null);

  return (
    <div className="tw-deployed" role="group" aria-label="Deployed design">
      {deployed ? (
        <p className="tw-deployed__status">
          Deployed: table <strong>{deployed.tableName}</strong>, design <code>{designIdentity(deployed)}</code> ({deployed.indexes.length - 1} GSI
          {deployed.indexes.length === 2 ? '' : 's'}). The model is derived against it: its GSIs and key templates stay.
        </p>
      ) : (
        <div className="tw-deployed__none">
          <p className="tw-deployed__status">
            <strong>No deployed design is pinned.</strong> Pin the design your table has, then change the model: this view shows what differs from it and the
            migration that gets the live table there, and the model is derived under the rules a live table sets (its key schema and GSIs cannot change).
          </p>
          <ul className="tw-deployed__how">
            <li>
              <strong>Mark as deployed</strong> pins the current design, for instance right after you created the table from it.
            </li>
            <li>
              <strong>Load deployed design…</strong> pins a <code>design.json</code> (the CLI&apos;s <code>generate</code> writes one beside the code).
            </li>
          </ul>
        </div>
      )}
      <div className="tw-deployed__actions">
        <button
          type="button"
          className={deployed ? 'button button--small' : 'button button--small button--primary'}
          onClick={() => markDeployed()}
          disabled={stale}
          title={stale ? 'Fix the model’s errors first' : 'Pin the current design as the one the live table has'}
        >
          Mark as deployed
        </button>
        <button type="button" className="button button--small" onClick={() => fileRef.current?.click()} title="Pin a design.json as the deployed design">
          Load deployed design…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Deployed design file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void loadFile(file, loadDeployed);
          }}
        />
        {deployed && (
          <>
            <button
              type="button"
              className="button button--small"
              title="The pinned design as design.json: for the CLI's --deployed, diff and migrate"
              onClick={() =>
                downloadText(
                  `${fileSlug(modelName)}.deployed.design.json`,
                  `${JSON.stringify(layoutDocument(deployed, modelName ?? ''), null, 2)}\n`,
                  'application/json',
                )
              }
            >
              Download design.json
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={unpinDeployed}
              title="Forget the deployed design: the model is derived freely again"
            >
              Unpin
            </button>
          </>
        )}
      </div>
    </div>
  );
}
