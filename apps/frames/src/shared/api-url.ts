/**
 * The API origin, injected by the JS server into every frame page as `<meta name="soxara-api-url">`
 * (so one build serves any environment). Anything that is not a plain http(s) URL is refused.
 */
export function readApiUrl(doc: Document = document): string | null {
  const content = doc.querySelector('meta[name="soxara-api-url"]')?.getAttribute('content');
  if (!content) return null;
  try {
    const url = new URL(content);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
