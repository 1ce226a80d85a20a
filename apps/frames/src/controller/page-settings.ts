/**
 * What the JS server injects into the controller's page as `<meta>` (so one build serves any
 * environment): the API origin, and, on test stacks, a shorter request timeout. Anything malformed
 * is refused: no API URL means the controller does not start; a bad timeout means the default.
 */
export function readApiUrl(doc: Document = document): string | null {
  const content = meta(doc, 'soxara-api-url');
  if (!content) return null;
  try {
    const url = new URL(content);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function readRequestTimeoutMs(doc: Document = document): number | undefined {
  const ms = Number(meta(doc, 'soxara-request-timeout-ms') ?? NaN);
  return Number.isInteger(ms) && ms > 0 ? ms : undefined;
}

function meta(doc: Document, name: string): string | null {
  return doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}
