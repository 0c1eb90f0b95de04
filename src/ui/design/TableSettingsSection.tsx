// The table's settings (name, billing and capacity, stream, class, point-in-time recovery,
// deletion protection), its time to live and each entity's write settings, read from the model
// and edited in place: a change rewrites only the `table` line of the text form (or the "table"
// field of problem JSON) in the editor's source, through the app's history (undo in the editor
// takes it back; edits less than a moment apart are one step, like typing). While the source has
// errors it says so instead of showing the last good model's settings.
import { useId, useMemo, useState } from 'react';
import { tableSettings, type Design, type TableSettings } from '../../engine/index.ts';
import { appStore } from '../../store/appStore.ts';
import { useErrorCount, useSourceActions, useSourceTextIs, useStale } from '../../store/selectors.ts';
import { editTableSettings } from '../../store/tableSettingsEdit.ts';
import { EntitySettings, TimeToLive } from './EntitySettings.tsx';
import { TableSettingsForm } from './TableSettingsForm.tsx';
import { describeTable, patchTable, type TablePatch } from './tableSettingsForm.ts';
import './TableSettings.css';

export function TableSettingsSection({ design }: { design: Design }) {
  const heading = useId();
  const stale = useStale();
  const errors = useErrorCount();
  const { setSource } = useSourceActions();
  // The settings just written, until the analysis of that source arrives (the design's model is older).
  const [written, setWritten] = useState<{ text: string; table: TableSettings | undefined }>();
  const writtenIsSource = useSourceTextIs(written?.text);
  const [failure, setFailure] = useState<string>();
  const plan = useMemo(() => tableSettings(design), [design]);

  const apply = (patch: TablePatch) => {
    let next: TableSettings | undefined;
    const result = editTableSettings(appStore.getState().source, (table) => (next = patchTable(table, patch)));
    if (!result.ok) {
      setFailure(`Not changed: ${result.reason}.`);
      return;
    }
    setFailure(undefined);
    setWritten({ text: result.text, table: next });
    setSource(result.text);
  };

  const table = written !== undefined && writtenIsSource ? written.table : design.model.table;
  const name = table?.name ?? design.tableName;

  return (
    <section className="tw-design__section tw-table" aria-labelledby={heading}>
      <h3 id={heading} className="tw-design__heading">
        Table settings
      </h3>
      {stale ? (
        <p className="tw-table__unavailable" role="status">
          The model has {errors === 1 ? 'an error' : `${errors} errors`}, so its table settings are not shown: they show again, and can be changed here, once it
          reads. Fix {errors === 1 ? 'it' : 'them'} in the editor.
        </p>
      ) : (
        <>
          <TableSettingsForm table={table} defaultName={design.tableName} apply={apply} />
          {failure !== undefined && (
            <p className="tw-table__error" role="alert">
              {failure}
            </p>
          )}
          <p className="tw-table__summary">Created as: {describeTable(table, name).join(' · ')}</p>
          <TimeToLive plan={plan} />
          <EntitySettings model={design.model} plan={plan} />
        </>
      )}
    </section>
  );
}
