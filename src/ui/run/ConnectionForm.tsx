// Where to send: the Local profile, a custom URL or AWS by region; credentials
// (memory only unless "Remember for this tab"); Test connection (ListTables).
import { useId, type ReactNode } from 'react';
import { HOW_TO_GET_AN_ENDPOINT } from '../../runner/index.ts';
import type { ProfileKind } from './endpointSettings.ts';
import { checkConnection, clearCredentials, setRemember, updateCredentials, updateSettings } from './runSession.ts';
import { useRunSession } from './useRunSession.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const PROFILES: { kind: ProfileKind; label: string }[] = [
  { kind: 'local', label: 'DynamoDB Local' },
  { kind: 'custom', label: 'Custom URL' },
  { kind: 'aws', label: 'AWS' },
];

export function ConnectionForm() {
  const settings = useRunSession((s) => s.settings);
  const credentials = useRunSession((s) => s.credentials);
  const remember = useRunSession((s) => s.remember);
  const invalid = useRunSession((s) => s.invalid);
  const connection = useRunSession((s) => s.connection);
  const id = useId();
  const needsCredentials = settings.profile !== 'local';
  const problemFor = (field: string) => (invalid?.field === field ? invalid.message : undefined);

  const field = (name: 'customUrl' | 'region' | 'accessKeyId' | 'secretAccessKey', label: string, input: ReactNode) => {
    const problem = problemFor(name);
    return (
      <div className="tw-run__field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {input}
        {problem !== undefined && (
          <p className="tw-run__field-error" id={`${id}-${name}-error`} role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  };
  const describedBy = (name: string) => (problemFor(name) !== undefined ? { 'aria-describedby': `${id}-${name}-error`, 'aria-invalid': true } : {});

  return (
    <form
      className="tw-run__section"
      aria-labelledby={`${id}-title`}
      // Nothing is ever submitted: the fields must not end up in a URL.
      onSubmit={(event) => {
        event.preventDefault();
        void checkConnection();
      }}
      autoComplete="off"
    >
      <h2 className="tw-run__title" id={`${id}-title`}>
        1. Endpoint
      </h2>
      <fieldset className="tw-run__profiles">
        <legend>Send requests to</legend>
        {PROFILES.map((p) => (
          <label key={p.kind} className="tw-run__radio">
            <input
              type="radio"
              name={`${id}-profile`}
              value={p.kind}
              checked={settings.profile === p.kind}
              onChange={() => updateSettings({ profile: p.kind })}
            />
            {p.label}
          </label>
        ))}
      </fieldset>

      {settings.profile === 'local' && (
        <p className="tw-run__note">
          DynamoDB Local at <code>{settings.localEndpoint}</code> (any credentials work; the app uses fake ones).
        </p>
      )}
      {settings.profile === 'custom' &&
        field(
          'customUrl',
          'Endpoint URL',
          <input
            id={`${id}-customUrl`}
            className="tw-run__input"
            type="url"
            inputMode="url"
            placeholder="http://localhost:8000"
            spellCheck={false}
            value={settings.customUrl}
            onChange={(e) => updateSettings({ customUrl: e.target.value })}
            {...describedBy('customUrl')}
          />,
        )}
      {field(
        'region',
        'Region',
        <input
          id={`${id}-region`}
          className="tw-run__input tw-run__input--short"
          spellCheck={false}
          value={settings.region}
          onChange={(e) => updateSettings({ region: e.target.value })}
          {...describedBy('region')}
        />,
      )}

      {needsCredentials && (
        <fieldset className="tw-run__credentials">
          <legend>Credentials {settings.profile === 'custom' && <span className="tw-run__muted">(leave empty for DynamoDB Local)</span>}</legend>
          {field(
            'accessKeyId',
            'Access key id',
            <input
              id={`${id}-accessKeyId`}
              className="tw-run__input"
              autoComplete="off"
              spellCheck={false}
              value={credentials.accessKeyId}
              onChange={(e) => updateCredentials({ accessKeyId: e.target.value })}
              {...describedBy('accessKeyId')}
            />,
          )}
          {field(
            'secretAccessKey',
            'Secret access key',
            <input
              id={`${id}-secretAccessKey`}
              className="tw-run__input"
              type="password"
              autoComplete="off"
              value={credentials.secretAccessKey}
              onChange={(e) => updateCredentials({ secretAccessKey: e.target.value })}
              {...describedBy('secretAccessKey')}
            />,
          )}
          <div className="tw-run__field">
            <label htmlFor={`${id}-sessionToken`}>Session token (optional)</label>
            <input
              id={`${id}-sessionToken`}
              className="tw-run__input"
              type="password"
              autoComplete="off"
              value={credentials.sessionToken}
              onChange={(e) => updateCredentials({ sessionToken: e.target.value })}
            />
          </div>
          <div className="tw-run__row">
            <label className="tw-run__checkbox">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
              Remember for this tab
            </label>
            <button type="button" className="button button--small button--quiet" onClick={clearCredentials}>
              Forget credentials
            </button>
          </div>
          <p className="tw-run__muted">
            Kept in this page’s memory only{remember ? ', and in this tab’s session storage until it closes' : ''}: never saved with your work, in links or in
            files.
          </p>
        </fieldset>
      )}

      <div className="tw-run__row">
        <button type="submit" className="button" disabled={connection.status === 'testing'}>
          Test connection
        </button>
        <span role="status" className="tw-run__status">
          {connection.status === 'testing' && 'Connecting…'}
          {connection.status === 'ok' && (
            <span className="tw-run__ok">
              ✓ Connected to {connection.label} ({connection.info.tableNames.length}
              {connection.info.more ? '+' : ''} {connection.info.tableNames.length === 1 ? 'table' : 'tables'}, {Math.round(connection.info.latencyMs)} ms)
            </span>
          )}
        </span>
      </div>
      {connection.status === 'failed' && <ErrorMessage error={connection.error} label="Connection error" />}
      {connection.status === 'failed' &&
        (connection.error.kind === 'unreachable' || connection.error.kind === 'browserBlocked') &&
        !connection.error.hint?.includes('npm start') && <p className="tw-run__note">{HOW_TO_GET_AN_ENDPOINT}</p>}
    </form>
  );
}
