/**
 * The 3-D Secure challenge page (`next_action.redirect_to_url.url`). Complete or Fail, then a 303 back to
 * the return_url with `payment_intent`, `payment_intent_client_secret` and `redirect_status`, as Stripe does.
 * Without a return_url, the 303 goes to the sandbox's own "done" page on its configured public URL, never
 * one built from the request's Host header (which the client chooses), and without the client secret,
 * which that page has no use for.
 * `?embedded=1` (inside the frames' modal): no redirect, just a "done" page; the frames long-poll the payment.
 * Submitting again after the outcome replays the same redirect, so a reload never re-decides.
 */
import { Hono, type Context } from 'hono';
import type { Deps } from '../http/env.ts';
import { findAction, findPaymentAnyAccount, type ActionRow } from '../store/payments.ts';
import { resolveAction } from '../payments/actions.ts';
import { publicUrlOf } from '../public-url.ts';
import { decisionForms, escapeHtml, finishedPage, formatAmount, notFoundPage, readOutcome, renderPage } from './page.ts';

function returnTo(deps: Deps, action: ActionRow, clientSecret: string, status: 'succeeded' | 'failed'): string {
  const url = new URL(action.return_url ?? `${publicUrlOf(deps)}/simulators/3ds/${action.token}/done`);
  url.searchParams.set('payment_intent', action.payment_id);
  if (action.return_url !== null) url.searchParams.set('payment_intent_client_secret', clientSecret);
  url.searchParams.set('redirect_status', status);
  return url.toString();
}

function findThreeDs(deps: Deps, token: string): ActionRow | null {
  const action = findAction(deps.db, token);
  return action && action.kind === 'three_ds' ? action : null;
}

export function threeDsSimulator(deps: Deps): Hono {
  const app = new Hono();

  app.get('/3ds/:token', (c) => {
    const token = c.req.param('token');
    const action = findThreeDs(deps, token);
    const record = action ? findPaymentAnyAccount(deps.db, action.payment_id) : undefined;
    if (!action || !record) return notFoundPage(c);
    if (action.state !== 'pending') return finishedPage(c, 'Authentication finished', 'This challenge is no longer active. You can close this window.');
    const { payment } = record;
    const details = payment.payment_method_details;
    const card = details?.type === 'card' ? details.card : null;
    const embedded = c.req.query('embedded') === '1';
    return renderPage(c, {
      title: '3-D Secure',
      body: `<h1>Verify this payment</h1>
<p>Your bank asks you to confirm this card payment.</p>
<dl>
<dt>Amount</dt><dd>${escapeHtml(formatAmount(payment.amount, payment.currency))}</dd>
${card ? `<dt>Card</dt><dd>${escapeHtml(card.brand)} •••• ${escapeHtml(card.last4)}</dd>` : ''}
${payment.description ? `<dt>For</dt><dd>${escapeHtml(payment.description)}</dd>` : ''}
</dl>
${decisionForms(`/simulators/3ds/${token}`, 'Complete authentication', 'Fail authentication', embedded ? { embedded: '1' } : {})}`,
    });
  });

  app.post('/3ds/:token', async (c) => {
    const token = c.req.param('token');
    const action = findThreeDs(deps, token);
    if (!action) return notFoundPage(c);
    const { outcome, embedded } = await readOutcome(c);
    if (!outcome) return renderPage(c, { title: 'Bad request', body: '<h1>Choose Complete or Fail.</h1>' }, 400);
    if (action.state === 'pending') resolveAction(deps, token, outcome);
    return afterChallenge(c, deps, token, embedded);
  });

  app.get('/3ds/:token/done', (c) =>
    finishedPage(c, 'Authentication complete', 'You can close this window and return to the shop.'),
  );

  return app;
}

function afterChallenge(c: Context, deps: Deps, token: string, embedded: boolean): Response {
  const action = findThreeDs(deps, token);
  const record = action ? findPaymentAnyAccount(deps.db, action.payment_id) : undefined;
  if (!action || !record) return notFoundPage(c);
  if (action.state !== 'approved' && action.state !== 'declined') {
    return finishedPage(c, 'Authentication finished', 'This challenge is no longer active. You can close this window.');
  }
  const status = action.state === 'approved' ? 'succeeded' : 'failed';
  if (embedded) {
    return finishedPage(
      c,
      status === 'succeeded' ? 'Authentication complete' : 'Authentication failed',
      'You can return to the payment.',
    );
  }
  c.header('referrer-policy', 'no-referrer');
  return c.redirect(returnTo(deps, action, record.payment.client_secret, status), 303);
}
