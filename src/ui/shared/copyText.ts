// Copies text to the clipboard; resolves false where the browser refuses
// (no permission, insecure context) so the caller can say so.
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
