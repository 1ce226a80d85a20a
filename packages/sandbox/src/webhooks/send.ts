/**
 * One delivery attempt: POST the event's exact JSON, freshly signed (each retry gets a new timestamp, so
 * a receiver's replay window works), and classify the answer. Only a 2xx delivers; a redirect is a
 * failure (as Stripe), so redirects are not followed.
 */
import { SIGNATURE_HEADER, signatureHeader } from '@soxara/node';

export type SendResult =
  | { ok: true; responseCode: number }
  | { ok: false; responseCode: number | null; error: string };

export interface SendInput {
  url: string;
  secret: string;
  body: string;
  timeoutMs: number;
  /** Aborts the attempt when the sandbox stops. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export async function sendWebhook(input: SendInput): Promise<SendResult> {
  const doFetch = input.fetch ?? globalThis.fetch;
  const signals = [AbortSignal.timeout(input.timeoutMs), ...(input.signal ? [input.signal] : [])];
  try {
    const response = await doFetch(input.url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Soxara-Sandbox/1.0 (+webhooks)',
        [SIGNATURE_HEADER]: signatureHeader({ payload: input.body, secret: input.secret }),
      },
      body: input.body,
      signal: AbortSignal.any(signals),
    });
    // The receiver's body is of no use to us; release the connection.
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, responseCode: response.status };
    return { ok: false, responseCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, responseCode: null, error: describe(error) };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timeout';
    const cause = (error as { cause?: unknown }).cause;
    const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? code : error.message;
  }
  return String(error);
}
