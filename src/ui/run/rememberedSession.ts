// "Remember for this tab": the endpoint settings and credentials in
// sessionStorage (gone when the tab closes), only when the user ticks it.
// Never localStorage, never the URL.
import type { CredentialFields, EndpointSettings, ProfileKind } from './endpointSettings.ts';

const KEY = 'tablewright.run.session';

export interface Remembered {
  settings: Pick<EndpointSettings, 'profile' | 'customUrl' | 'region'>;
  credentials: CredentialFields;
}

const isProfile = (v: unknown): v is ProfileKind => v === 'local' || v === 'custom' || v === 'aws';
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readRemembered(storage: Storage | undefined): Remembered | undefined {
  if (!storage) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(KEY) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { settings?: Record<string, unknown>; credentials?: Record<string, unknown> };
  const s = r.settings ?? {};
  const c = r.credentials ?? {};
  return {
    settings: { profile: isProfile(s['profile']) ? s['profile'] : 'local', customUrl: str(s['customUrl']), region: str(s['region']) || 'us-east-1' },
    credentials: { accessKeyId: str(c['accessKeyId']), secretAccessKey: str(c['secretAccessKey']), sessionToken: str(c['sessionToken']) },
  };
}

export function writeRemembered(storage: Storage | undefined, value: Remembered): void {
  try {
    storage?.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the values stay in memory only.
  }
}

export function forgetRemembered(storage: Storage | undefined): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/** sessionStorage when the browser allows it. */
export function tabStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
