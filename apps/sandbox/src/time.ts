/** Timestamps as the API writes them: ISO 8601 UTC to the second, like the event reference's sample. */
export function isoSeconds(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
