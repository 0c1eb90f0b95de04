// The endpoint URL rule, for the CLI's --endpoint and the Run panel's field alike:
// http or https, no path-less surprises (query, fragment), and never credentials —
// `user:password@` would go to whoever runs the endpoint as a basic-auth password.

export type ParsedEndpointUrl = { ok: true; url: string } | { ok: false; message: string };

/** The URL as DynamoDB expects it (http or https, no query or credentials), or why not. A missing scheme means http. */
export function parseEndpointUrl(text: string): ParsedEndpointUrl {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter the endpoint URL, e.g. http://localhost:8000.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return { ok: false, message: `"${trimmed}" is not a URL; e.g. http://localhost:8000.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: 'The endpoint URL must start with http:// or https://.' };
  if (url.username || url.password)
    return {
      ok: false,
      message: 'The endpoint URL must not hold credentials (user:password@): they would be sent to the endpoint. Give credentials separately.',
    };
  if (url.search || url.hash) return { ok: false, message: 'The endpoint URL takes no query or fragment.' };
  return { ok: true, url: url.origin + (url.pathname === '/' ? '' : url.pathname) };
}
