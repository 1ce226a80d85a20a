/** Timestamps as the API writes them: ISO 8601 UTC to the second, like the event reference's sample. */
export function isoSeconds(ms: number = Date.now()): string {
  // toISOString always ends in `.sssZ`.
  return `${new Date(ms).toISOString().slice(0, -5)}Z`;
}
