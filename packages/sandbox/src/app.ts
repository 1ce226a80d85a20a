/**
 * The sandbox API as one hono app: cross-cutting middleware (request id, body limit, CORS for the browser
 * routes, idempotency), the route modules under /v1, the simulator pages under /simulators, and the error
 * envelope.
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from './http/env.ts';
import { bodyLimit } from './http/body-limit.ts';
import { browserCors } from './http/cors.ts';
import { ApiError, errorEnvelope } from './http/errors.ts';
import { idempotency } from './http/idempotency.ts';
import { requestLog } from './http/request-log.ts';
import { requestId } from './http/request-id.ts';
import { abortedRequest } from './http/aborted-request.ts';
import { paymentRoutes } from './routes/payments.ts';
import { refundRoutes } from './routes/refunds.ts';
import { accountRoutes } from './routes/accounts.ts';
import { testHelperRoutes } from './routes/test-helpers.ts';
import { eventRoutes } from './routes/events.ts';
import { webhookEndpointRoutes } from './routes/webhook-endpoints.ts';
import { testEventRoutes } from './routes/test-events.ts';
import { threeDsSimulator } from './simulators/three-ds.ts';
import { walletSimulator } from './simulators/wallet.ts';
import { momoSimulator } from './simulators/momo.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/** Routes a browser (the frames origin) calls with a publishable key; no cookies are involved. */
const BROWSER_ROUTES = ['/v1/payments/:id', '/v1/payments/:id/confirm', '/v1/payments/:id/cancel_action'];

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', requestId());
  if (deps.config.logRequests) app.use('*', requestLog());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          errorEnvelope({
            type: 'invalid_request_error',
            code: 'body_too_large',
            message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
          }, c.get('requestId')),
          413,
        ),
    }),
  );
  for (const path of BROWSER_ROUTES) app.use(path, browserCors());
  app.use('/v1/*', idempotency(deps));

  app.get('/', (c) => c.json({ success: true, data: { object: 'sandbox', livemode: false } }));
  app.get('/healthz', (c) => c.json({ success: true, data: { ok: true } }));

  app.route('/v1', paymentRoutes(deps));
  app.route('/v1', refundRoutes(deps));
  app.route('/v1', accountRoutes(deps));
  app.route('/v1', testHelperRoutes(deps));
  app.route('/v1', eventRoutes(deps));
  app.route('/v1', webhookEndpointRoutes(deps));
  app.route('/v1', testEventRoutes(deps));
  app.route('/simulators', threeDsSimulator(deps));
  app.route('/simulators', walletSimulator(deps));
  app.route('/simulators', momoSimulator(deps));

  app.notFound((c) =>
    c.json(
      errorEnvelope({
        type: 'invalid_request_error',
        code: 'route_not_found',
        message: `Unrecognized request URL (${c.req.method} ${c.req.path}).`,
      }, c.var.requestId),
      404,
    ),
  );

  app.onError((error, c) => {
    const id = c.var.requestId;
    if (error instanceof ApiError) return c.json(errorEnvelope(error.body, id), error.status, { ...error.headers });
    const aborted = abortedRequest(c);
    if (aborted) {
      console.warn(`[sandbox] ${id} ${c.req.method} ${c.req.path} aborted: ${aborted}`);
      // Nobody reads this answer; it only ends the request inside hono.
      return c.json(errorEnvelope({ type: 'invalid_request_error', code: 'request_aborted', message: aborted }, id), 400);
    }
    console.error(`[sandbox] ${id} unexpected error`, c.req.method, c.req.path, error);
    return c.json(
      errorEnvelope({ type: 'api_error', code: 'internal_error', message: 'Something went wrong in the sandbox.' }, id),
      500,
    );
  });

  return app;
}
