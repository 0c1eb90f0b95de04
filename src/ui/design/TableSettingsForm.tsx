// The table's settings as form controls, each showing the model's value (a default marked as
// one) and handing a change to `apply` as a patch of the settings: selects for billing, stream
// and class, capacities and the name typed (checked before anything is written), switches for
// point-in-time recovery and deletion protection.
import { useId } from 'react';
import { BILLING_MODES, STREAM_VIEWS, TABLE_CLASSES, type BillingMode, type StreamView, type TableClass, type TableSettings } from '../../engine/index.ts';
import { TableSettingField } from './TableSettingField.tsx';
import {
  billingPatch,
  capacityPatch,
  capacityProblem,
  classPatch,
  namePatch,
  nameProblem,
  streamPatch,
  switchPatch,
  type CapacityField,
  type TablePatch,
} from './tableSettingsForm.ts';

interface Props {
  table: TableSettings | undefined;
  /** The design's table name, used when the model states none. */
  defaultName: string;
  apply: (patch: TablePatch) => void;
}

export function TableSettingsForm({ table, defaultName, apply }: Props) {
  const id = useId();
  const t = table ?? {};
  const provisioned = t.billing === 'provisioned';
  const capacity = (field: CapacityField) => (
    <TableSettingField
      label={`${field === 'read' ? 'Read' : 'Write'} capacity`}
      value={t[field] === undefined ? '' : String(t[field])}
      problem={(text) => capacityProblem(field, text)}
      onCommit={(text) => apply(capacityPatch(field, text))}
      note="units per second, on the table and each GSI"
      numeric
    />
  );

  return (
    <div className="tw-table__form">
      <TableSettingField
        label="Name"
        value={t.name ?? ''}
        placeholder={defaultName}
        problem={nameProblem}
        onCommit={(text) => apply(namePatch(text))}
        note={t.name === undefined ? `not stated: ${defaultName} (default)` : undefined}
      />
      <div className="tw-table__field">
        <label htmlFor={`${id}-billing`} className="tw-table__label">
          Billing
        </label>
        <select id={`${id}-billing`} value={t.billing ?? 'on-demand'} onChange={(e) => apply(billingPatch(e.target.value as BillingMode, table))}>
          {BILLING_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {mode === 'on-demand' ? 'on-demand (default)' : mode}
            </option>
          ))}
        </select>
      </div>
      {provisioned && capacity('read')}
      {provisioned && capacity('write')}
      <div className="tw-table__field">
        <label htmlFor={`${id}-stream`} className="tw-table__label">
          Stream
        </label>
        <select id={`${id}-stream`} value={t.stream ?? ''} onChange={(e) => apply(streamPatch(e.target.value as StreamView | ''))}>
          <option value="">off (default)</option>
          {STREAM_VIEWS.map((view) => (
            <option key={view} value={view}>
              {view}
            </option>
          ))}
        </select>
      </div>
      <div className="tw-table__field">
        <label htmlFor={`${id}-class`} className="tw-table__label">
          Table class
        </label>
        <select id={`${id}-class`} value={t.tableClass ?? 'STANDARD'} onChange={(e) => apply(classPatch(e.target.value as TableClass))}>
          {TABLE_CLASSES.map((tableClass) => (
            <option key={tableClass} value={tableClass}>
              {tableClass === 'STANDARD' ? 'STANDARD (default)' : tableClass}
            </option>
          ))}
        </select>
      </div>
      <div className="tw-table__switches">
        <label className="tw-table__switch">
          <input type="checkbox" checked={t.pitr === true} onChange={(e) => apply(switchPatch('pitr', e.target.checked))} />
          Point-in-time recovery <span className="tw-table__note">{t.pitr === undefined ? '(off by default)' : ''}</span>
        </label>
        <label className="tw-table__switch">
          <input type="checkbox" checked={t.deletionProtection === true} onChange={(e) => apply(switchPatch('deletionProtection', e.target.checked))} />
          Deletion protection <span className="tw-table__note">{t.deletionProtection === undefined ? '(off by default)' : ''}</span>
        </label>
      </div>
    </div>
  );
}
