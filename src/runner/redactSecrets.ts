// Removes credentials from text before it is shown or printed: the values the
// caller knows (access key id, secret, session token) and anything shaped
// like an AWS key id, a signature or a security-token header.
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out
    .replace(/\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '[access key id]')
    .replace(/(x-amz-security-token[:=]\s*)\S+/gi, '$1[redacted]')
    .replace(/(Credential=)[^/\s,]+/g, '$1[redacted]')
    .replace(/(Signature=)[0-9a-f]{16,}/gi, '$1[redacted]');
}
