// Where the Run panel sends requests: the Local profile (DynamoDB Local, fake
// credentials), a custom URL, or AWS by region. The form's text is parsed here,
// once, into a target the runner can use, or a located complaint.
import { LOCAL_CREDENTIALS, parseEndpointUrl, type Credentials } from '../../runner/index.ts';

export { parseEndpointUrl };

export type ProfileKind = 'local' | 'custom' | 'aws';

export interface EndpointSettings {
  profile: ProfileKind;
  /** DynamoDB Local's URL (from `npm start`, else http://localhost:8000). */
  localEndpoint: string;
  customUrl: string;
  region: string;
}

export interface CredentialFields {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export const EMPTY_CREDENTIALS: CredentialFields = { accessKeyId: '', secretAccessKey: '', sessionToken: '' };

export interface Target {
  /** Undefined for AWS's regional endpoint. */
  endpoint?: string;
  region: string;
  credentials: Credentials;
  /** For people: the URL, or `AWS eu-west-1`. */
  label: string;
}

export type TargetField = 'customUrl' | 'region' | 'accessKeyId' | 'secretAccessKey';

export type ResolvedTarget = { ok: true; target: Target } | { ok: false; field: TargetField; message: string };

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const DEFAULT_LOCAL_ENDPOINT = 'http://localhost:8000';

export function resolveTarget(settings: EndpointSettings, fields: CredentialFields): ResolvedTarget {
  const region = settings.region.trim();
  if (!REGION.test(region)) return { ok: false, field: 'region', message: `"${region}" is not a region name such as us-east-1 or eu-west-1.` };
  const typed = fields.accessKeyId.trim() !== '' || fields.secretAccessKey !== '';
  const credentials: Credentials = {
    accessKeyId: fields.accessKeyId.trim(),
    secretAccessKey: fields.secretAccessKey,
    ...(fields.sessionToken.trim() ? { sessionToken: fields.sessionToken.trim() } : {}),
  };
  const complete = (): ResolvedTarget | undefined =>
    credentials.accessKeyId === ''
      ? { ok: false, field: 'accessKeyId', message: 'Enter the access key id.' }
      : credentials.secretAccessKey === ''
        ? { ok: false, field: 'secretAccessKey', message: 'Enter the secret access key.' }
        : undefined;

  switch (settings.profile) {
    case 'local': {
      const parsed = parseEndpointUrl(settings.localEndpoint);
      if (!parsed.ok) return { ok: false, field: 'customUrl', message: parsed.message };
      return { ok: true, target: { endpoint: parsed.url, region, credentials: LOCAL_CREDENTIALS, label: parsed.url } };
    }
    case 'custom': {
      const parsed = parseEndpointUrl(settings.customUrl);
      if (!parsed.ok) return { ok: false, field: 'customUrl', message: parsed.message };
      // DynamoDB Local accepts any credentials: empty fields mean the fake local ones.
      if (!typed) return { ok: true, target: { endpoint: parsed.url, region, credentials: LOCAL_CREDENTIALS, label: parsed.url } };
      const missing = complete();
      return missing ?? { ok: true, target: { endpoint: parsed.url, region, credentials, label: parsed.url } };
    }
    case 'aws': {
      const missing = complete();
      return missing ?? { ok: true, target: { region, credentials, label: `AWS ${region}` } };
    }
    default: {
      const never: never = settings.profile;
      return never;
    }
  }
}

/** The secrets of a target, to strip from any message. */
export function secretsOf(target: Target | undefined): string[] {
  if (!target) return [];
  return [target.credentials.accessKeyId, target.credentials.secretAccessKey, target.credentials.sessionToken ?? ''].filter((s) => s !== '' && s !== 'local');
}
