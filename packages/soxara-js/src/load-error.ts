/**
 * Why `loadSoxara()` rejected, as a code to branch on rather than a message to match.
 *
 * A pinned load (`integrity` set) that fails has its own code because the browser cannot say more:
 * when Subresource Integrity refuses a script, it fires the same bare `error` event as for a network
 * failure, a CSP block or a missing CORS header, and writes the reason to the console only.
 */
export type SoxaraLoadErrorCode =
  /** The browser fired `error` on the evergreen script: network, HTTP error, or the page's CSP. */
  | 'load_failed'
  /**
   * The browser fired `error` on a pinned script: its bytes did not match `integrity` (SRI refused
   * it), or the request failed (network, a hash that is no longer served, CSP, CORS).
   */
  | 'integrity_or_load_failed'
  /** The script ran but defined no `window.Soxara` (something else answered at its URL). */
  | 'soxara_not_defined';

export class SoxaraLoadError extends Error {
  override readonly name = 'SoxaraLoadError';

  constructor(
    readonly code: SoxaraLoadErrorCode,
    /** The URL the script was loaded from. */
    readonly scriptUrl: string,
    message: string,
  ) {
    super(message);
  }
}
