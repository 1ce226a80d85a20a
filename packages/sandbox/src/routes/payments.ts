/** `/v1/payments`: create, list, retrieve (with long polling), update, confirm, withdraw a pending action, and cancel. */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { MAX_RETURN_URL_LENGTH, paymentIdFromClientSecret, type Payment, type PaymentStatus } from '@soxara/protocol';
import type { AppEnv, Deps } from '../http/env.ts';
import { requireKey, requireSecretKey } from '../http/auth.ts';
import { errorEnvelope, invalidRequest, notFound } from '../http/errors.ts';
import { commit, list, ok } from '../http/respond.ts';
import { createdFilter, createdQuery, pageQueryEntries, toPageQuery } from '../http/list-query.ts';
import { listPage } from '../store/pages.ts';
import { parseBody, parseQuery } from '../http/body.ts';
import { CONFIRMS_PER_PAYMENT, createRateLimiter } from '../http/rate-limit.ts';
import { clientAddress } from '../http/client-address.ts';
import { amountSchema, descriptionSchema, emptyBodySchema, metadataSchema } from '../http/schemas.ts';
import { updatePayment } from '../payments/update.ts';
import { newId, randomBase62 } from '../ids.ts';
import { sameSecret } from '../secrets.ts';
import { findPayment, findPendingAction, insertPayment, type PaymentRecord } from '../store/payments.ts';
import { resolveAction } from '../payments/actions.ts';
import { isoSeconds } from '../time.ts';
import { clientView } from '../payments/view.ts';
import { confirmPayment } from '../payments/confirm.ts';
import { confirmParam, paymentMethodSchema, toConfirmMethod } from '../payments/payment-method.ts';
import { notifyChanged, toCanceled } from '../payments/transitions.ts';

const MAX_WAIT_SECONDS = 30;
const STATUSES: readonly PaymentStatus[] = ['requires_payment_method', 'requires_action', 'succeeded', 'canceled'];

export const createPaymentBody = v.strictObject({
  amount: amountSchema,
  currency: v.pipe(
    v.string('must be "USD" or "LRD"'),
    v.toUpperCase(),
    v.picklist(['USD', 'LRD'], 'must be "USD" or "LRD"'),
    v.description('`USD` or `LRD` (any case).'),
  ),
  description: v.optional(descriptionSchema),
  metadata: v.optional(metadataSchema),
});

const clientSecretSchema = v.pipe(
  v.string('must be a string'),
  v.description("The payment's client_secret: required with a publishable key."),
);

export const retrievePaymentQuery = v.object({
  client_secret: v.optional(clientSecretSchema),
  wait: v.optional(
    v.pipe(
      v.string(`must be a number of seconds from 0 to ${MAX_WAIT_SECONDS}`),
      v.regex(/^\d+(\.\d+)?$/, `must be a number of seconds from 0 to ${MAX_WAIT_SECONDS}`),
      v.transform(Number),
      v.number(),
      v.maxValue(MAX_WAIT_SECONDS, `must be a number of seconds from 0 to ${MAX_WAIT_SECONDS}`),
      v.description('Long poll: hold the answer up to this many seconds, until the status differs from `if_status`.'),
    ),
  ),
  if_status: v.optional(
    v.pipe(
      v.picklist(STATUSES, `must be one of ${STATUSES.join(', ')}`),
      v.description("Long poll: the status the caller already knows (default: the payment's current one)."),
    ),
  ),
});

export const listPaymentsQuery = v.object({
  ...pageQueryEntries('pi_…'),
  status: v.optional(v.pipe(v.picklist(STATUSES, `must be one of ${STATUSES.join(', ')}`), v.description('Only payments in this status.'))),
  created: createdQuery,
});

export const confirmPaymentBody = v.strictObject({
  client_secret: v.optional(clientSecretSchema),
  payment_method: paymentMethodSchema,
  return_url: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.maxLength(MAX_RETURN_URL_LENGTH, `must be at most ${MAX_RETURN_URL_LENGTH} characters`),
      v.description('Where 3-D Secure sends the customer back (absolute http or https URL).'),
    ),
  ),
});

export const updatePaymentBody = v.strictObject({
  amount: v.optional(v.pipe(amountSchema, v.description('Only while no payment method is confirmed (`requires_payment_method`).'))),
  description: v.optional(descriptionSchema),
  metadata: v.optional(
    v.pipe(
      v.nullable(metadataSchema),
      v.description('Merged into the payment\'s metadata: a key set to `""` is removed; `null` removes them all.'),
    ),
  ),
});

export const cancelActionBody = v.strictObject({ client_secret: v.optional(clientSecretSchema) });

/** `metadata[order_id]` → `metadata`: the contract names the field, not the key. */
function createParam(path: (string | number)[]): string {
  return String(path[0] ?? '');
}

function checkReturnUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidRequest('url_invalid', 'return_url must be an absolute http(s) URL.', 'return_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidRequest('url_invalid', 'return_url must use http or https.', 'return_url');
  }
  return url.toString();
}

function checkClientSecret(record: PaymentRecord, clientSecret: string | undefined, required: boolean): void {
  if (clientSecret === undefined) {
    if (required) {
      throw invalidRequest('parameter_missing', 'A publishable key needs the payment\'s client_secret.', 'client_secret');
    }
    return;
  }
  if (paymentIdFromClientSecret(clientSecret) !== record.payment.id || !sameSecret(clientSecret, record.payment.client_secret)) {
    throw invalidRequest('client_secret_invalid', 'The client_secret does not match this payment.', 'client_secret');
  }
}

function loadPayment(deps: Deps, c: Context<AppEnv>): PaymentRecord {
  const id = c.req.param('id') ?? '';
  const record = findPayment(deps.db, c.var.account.id, id);
  if (!record) throw notFound(`payment: '${id.slice(0, 100)}'`);
  return record;
}

export function paymentRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const confirmLimiter = createRateLimiter({ ...CONFIRMS_PER_PAYMENT, now: deps.rateLimitClock });
  // Card testing (security.md D15): declined card confirms per account and connection address. Not per
  // publishable key alone: that key is public and shared by all of a merchant's customers, so one
  // tester's burst would shut every honest customer out. Only declines count, as a tester's cards mostly
  // decline and a checkout's successes (the bench confirms thousands a minute from one address) do not.
  // Once over the limit, every card confirm of that client waits for the window to end.
  const cardTesting = createRateLimiter({
    limit: deps.config.cardTestingLimit || Infinity,
    windowMs: deps.config.cardTestingWindowMs,
    now: deps.rateLimitClock,
    what: 'declined card payments from this client in a short time (a card-testing defence)',
  });

  app.post('/payments', requireSecretKey(deps), async (c) => {
    const input = await parseBody(c, createPaymentBody, createParam);
    const id = newId('pi');
    const payment: Payment = {
      id,
      object: 'payment',
      livemode: false,
      amount: input.amount,
      amount_refunded: 0,
      currency: input.currency,
      status: 'requires_payment_method',
      client_secret: `${id}_secret_${randomBase62(24)}`,
      description: input.description ?? null,
      metadata: input.metadata ?? {},
      payment_method: null,
      payment_method_details: null,
      next_action: null,
      last_payment_error: null,
      customer: null,
      created_at: isoSeconds(),
      succeeded_at: null,
      canceled_at: null,
    };
    const accountId = c.var.account.id;
    return commit(c, deps.db, () => {
      insertPayment(deps.db, accountId, payment);
      deps.events.emit(accountId, 'payment.created', payment);
      return { status: 200, body: { success: true, data: payment } };
    });
  });

  app.get('/payments', requireSecretKey(deps), (c) => {
    const query = parseQuery(listPaymentsQuery, c);
    const accountId = c.var.account.id;
    const filter = createdFilter(query.created);
    if (query.status !== undefined) {
      filter.where.push('status = ?');
      filter.params.push(query.status);
    }
    const page = listPage(deps.db, 'payments', accountId, filter, toPageQuery(deps.db, 'payments', accountId, query));
    return list(c, page.data.map((data) => JSON.parse(data) as Payment), page.hasMore);
  });

  app.get('/payments/:id', requireKey(deps), async (c) => {
    const publishable = c.var.keyKind === 'publishable';
    const query = parseQuery(retrievePaymentQuery, c);
    const wait = query.wait ?? 0;
    let record = loadPayment(deps, c);
    checkClientSecret(record, query.client_secret, publishable);

    const awaited = query.if_status ?? record.payment.status;
    const deadline = Date.now() + wait * 1000;
    while (record.payment.status === awaited && deps.notifier && Date.now() < deadline) {
      const changed = await deps.notifier.waitForChange(record.payment.id, deadline - Date.now(), c.req.raw.signal);
      record = loadPayment(deps, c);
      if (!changed) break;
    }
    return ok(c, publishable ? clientView(record.payment) : record.payment);
  });

  app.post('/payments/:id', requireSecretKey(deps), async (c) => {
    const input = await parseBody(c, updatePaymentBody, createParam);
    return commit(c, deps.db, () => ({
      status: 200,
      body: { success: true, data: updatePayment(deps, loadPayment(deps, c).payment, input) },
    }));
  });

  app.post('/payments/:id/confirm', requireKey(deps), async (c) => {
    const publishable = c.var.keyKind === 'publishable';
    const input = await parseBody(c, confirmPaymentBody, confirmParam);
    const record = loadPayment(deps, c);
    checkClientSecret(record, input.client_secret, publishable);
    const method = toConfirmMethod(input.payment_method, new Date());
    const returnUrl = checkReturnUrl(input.return_url);
    const accountId = c.var.account.id;
    const cardClient = method.type === 'card' ? `${accountId} ${clientAddress(c)}` : null;
    if (cardClient) cardTesting.check(cardClient);
    confirmLimiter.hit(record.payment.id);
    let declined = false;
    // No await since the read above and one process owns the database: `record` is still current.
    const response = commit(c, deps.db, () => {
      const result = confirmPayment(deps, accountId, record.payment, method, returnUrl);
      if (result.decline) {
        declined = true;
        return { status: 402, body: errorEnvelope({ ...result.decline, payment_intent: clientView(result.payment) }, c.var.requestId) };
      }
      return { status: 200, body: { success: true, data: publishable ? clientView(result.payment) : result.payment } };
    });
    if (cardClient && declined) cardTesting.count(cardClient);
    notifyChanged(deps, record.payment.id);
    return response;
  });

  /**
   * The checkout withdraws the pending customer action (the customer pressed Cancel on the PIN prompt,
   * the wallet request or the 3DS challenge), so that a late approval on the phone cannot charge them.
   * Answers the payment as it now is: when the approval won the race, the caller sees `succeeded`.
   */
  app.post('/payments/:id/cancel_action', requireKey(deps), async (c) => {
    const publishable = c.var.keyKind === 'publishable';
    const input = await parseBody(c, cancelActionBody);
    const record = loadPayment(deps, c);
    checkClientSecret(record, input.client_secret, publishable);
    return commit(c, deps.db, () => {
      const action = record.payment.status === 'requires_action' ? findPendingAction(deps.db, record.payment.id) : undefined;
      const payment = (action && resolveAction(deps, action.token, 'cancel')?.payment) ?? loadPayment(deps, c).payment;
      return { status: 200, body: { success: true, data: publishable ? clientView(payment) : payment } };
    });
  });

  app.post('/payments/:id/cancel', requireSecretKey(deps), async (c) => {
    await parseBody(c, emptyBodySchema);
    const accountId = c.var.account.id;
    const { payment: current } = loadPayment(deps, c);
    const response = commit(c, deps.db, () => {
      const { payment: fresh } = loadPayment(deps, c);
      if (fresh.status === 'succeeded' || fresh.status === 'canceled') {
        throw invalidRequest(
          'payment_unexpected_state',
          `This payment's status is ${fresh.status}, so it cannot be canceled.`,
        );
      }
      return { status: 200, body: { success: true, data: toCanceled(deps, accountId, fresh) } };
    });
    notifyChanged(deps, current.id);
    return response;
  });

  return app;
}
