/** `POST /webhooks/soxara`: the raw body goes to the handler untouched, since the signature covers its bytes. */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { receiveDelivery } from '../webhook.ts';
import { WEBHOOK_PATH, webhookSecret } from '../webhook-endpoint.ts';
import { errorSummary } from '../errors.ts';

export function webhookRoutes(deps: Deps): Hono {
  const app = new Hono();

  app.post(WEBHOOK_PATH, async (c) => {
    const rawBody = Buffer.from(await c.req.arrayBuffer());
    let result;
    try {
      result = receiveDelivery(deps.db, webhookSecret(deps.db), { rawBody, signature: c.req.header('Soxara-Signature') });
    } catch (error) {
      // A failure of ours: answer 500 so that Soxara delivers the event again later.
      deps.log(`webhook: processing failed: ${errorSummary(error)}`);
      return c.json({ received: false }, 500);
    }
    switch (result.outcome) {
      case 'processed':
        deps.log(`webhook: ${result.eventId} processed${result.orderId === null ? '' : ` (order ${result.orderId})`}`);
        return c.json({ received: true });
      case 'duplicate':
        return c.json({ received: true, duplicate: true });
      case 'rejected':
        deps.log(`webhook: rejected (${result.code})`);
        return c.json({ received: false, error: result.code }, 400);
      case 'not_configured':
        // Registration with Soxara has not finished yet; a retry will find the secret.
        return c.json({ received: false, error: 'not_ready' }, 503);
    }
  });

  return app;
}
