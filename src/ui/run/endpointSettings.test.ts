import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../runner/index.ts';
import { EMPTY_CREDENTIALS, parseEndpointUrl, resolveTarget, secretsOf, type EndpointSettings } from './endpointSettings.ts';

const base: EndpointSettings = { profile: 'local', localEndpoint: 'http://localhost:8000', customUrl: '', region: 'us-east-1' };
const keys = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 's3cret', sessionToken: '' };

describe('resolveTarget', () => {
  it('sends the Local profile to the preset endpoint with fake credentials', () => {
    expect(resolveTarget(base, keys)).toEqual({
      ok: true,
      target: { endpoint: 'http://localhost:8000', region: 'us-east-1', credentials: LOCAL_CREDENTIALS, label: 'http://localhost:8000' },
    });
  });

  it('uses fake credentials for a custom URL left without credentials, the typed ones otherwise', () => {
    const custom = { ...base, profile: 'custom' as const, customUrl: '127.0.0.1:4318' };
    expect(resolveTarget(custom, EMPTY_CREDENTIALS)).toMatchObject({ ok: true, target: { endpoint: 'http://127.0.0.1:4318', credentials: LOCAL_CREDENTIALS } });
    expect(resolveTarget(custom, { ...keys, sessionToken: ' tok ' })).toMatchObject({
      ok: true,
      target: { credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 's3cret', sessionToken: 'tok' } },
    });
    expect(resolveTarget(custom, { ...keys, secretAccessKey: '' })).toEqual({ ok: false, field: 'secretAccessKey', message: 'Enter the secret access key.' });
  });

  it('needs credentials and a real region name for AWS, and sends to the regional endpoint', () => {
    const aws = { ...base, profile: 'aws' as const, region: 'eu-west-1' };
    expect(resolveTarget(aws, EMPTY_CREDENTIALS)).toMatchObject({ ok: false, field: 'accessKeyId' });
    expect(resolveTarget(aws, keys)).toEqual({
      ok: true,
      target: { region: 'eu-west-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 's3cret' }, label: 'AWS eu-west-1' },
    });
    expect(resolveTarget({ ...aws, region: 'Ireland' }, keys)).toMatchObject({ ok: false, field: 'region' });
  });

  it('lists the secrets to keep out of messages, not the fake local ones', () => {
    const t = resolveTarget({ ...base, profile: 'aws' }, { ...keys, sessionToken: 'tok' });
    expect(t.ok && secretsOf(t.target)).toEqual(['AKIAEXAMPLE', 's3cret', 'tok']);
    const l = resolveTarget(base, EMPTY_CREDENTIALS);
    expect(l.ok && secretsOf(l.target)).toEqual([]);
  });
});

describe('parseEndpointUrl', () => {
  it('refuses credentials, queries and other schemes in the URL', () => {
    expect(parseEndpointUrl('http://key:secret@localhost:8000')).toMatchObject({
      ok: false,
      message: expect.stringContaining('must not hold credentials (user:password@)'),
    });
    expect(parseEndpointUrl('http://localhost:8000/?a=1').ok).toBe(false);
    expect(parseEndpointUrl('ftp://localhost').ok).toBe(false);
    expect(parseEndpointUrl('').ok).toBe(false);
    expect(parseEndpointUrl(' https://dynamodb.eu-west-1.amazonaws.com/ ')).toEqual({ ok: true, url: 'https://dynamodb.eu-west-1.amazonaws.com' });
  });
});
