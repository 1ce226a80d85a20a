/** Entry of the hidden controller frame (controller.html): handshake, then the controller proper. */
import { connectToParent } from '../shared/handshake.ts';
import { startController } from './controller.ts';
import { readApiUrl, readRequestTimeoutMs } from './page-settings.ts';
import { browserConnectivity } from './wait/connectivity.ts';

async function boot(): Promise<void> {
  const apiUrl = readApiUrl();
  if (!apiUrl) {
    console.error('[soxara] the frame page has no API URL; is it served by the Soxara JS server?');
    return;
  }
  const connection = await connectToParent();
  const port = connection?.ports[0];
  if (!port) return;
  const requestTimeoutMs = readRequestTimeoutMs();
  const controller = startController(port, {
    apiUrl,
    connectivity: browserConnectivity(window),
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
  });
  // This frame's visibility follows the top-level page: a second source besides `page-visible`.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') controller.pageVisible();
  });
}

void boot();
