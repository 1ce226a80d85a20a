/**
 * A browser that asks to save data (Save-Data, or a 2g / slow-2g connection: the Network Information
 * API, where the browser has it) gets the frames without decoration: `data-lite` on the root, which the
 * stylesheets read (no brand badge, no animation). Nothing the customer needs is decoration.
 */
interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

export function markLite(root: HTMLElement, nav: Navigator): void {
  const connection = (nav as Navigator & { connection?: NetworkInformation }).connection;
  if (connection?.saveData || /2g/.test(connection?.effectiveType ?? '')) root.dataset.lite = '';
}
