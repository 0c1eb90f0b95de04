// Tells "nothing listens there" from "it answers but CORS refuses us": after a
// browser "Failed to fetch", a no-cors request resolves (opaquely) when a
// server answered at all, and fails when nothing did.
export async function probeEndpoint(endpoint: string, timeoutMs = 3_000): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await fetch(endpoint, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
