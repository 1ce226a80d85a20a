/**
 * The Soxara wallet app, simulated: `next_action.soxara_wallet_approval.universal_link` opens this page,
 * which shows the merchant and amount and lets the tester approve or decline.
 */
import { Hono } from 'hono';
import type { Deps } from '../http/env.ts';
import { findAction, findPaymentAnyAccount } from '../store/payments.ts';
import { resolveAction } from '../payments/actions.ts';
import { decisionForms, escapeHtml, finishedPage, formatAmount, notFoundPage, readOutcome, renderPage } from './page.ts';

export function walletSimulator(deps: Deps): Hono {
  const app = new Hono();

  app.get('/wallet/:token', (c) => {
    const token = c.req.param('token');
    const action = findAction(deps.db, token);
    const record = action?.kind === 'wallet' ? findPaymentAnyAccount(deps.db, action.payment_id) : undefined;
    if (!action || !record) return notFoundPage(c);
    if (action.state !== 'pending') return finishedPage(c, 'Request finished', 'This payment request is no longer active.');
    const { payment } = record;
    return renderPage(c, {
      title: 'Soxara wallet',
      body: `<h1>Approve this payment?</h1>
<dl>
<dt>Merchant</dt><dd>${escapeHtml(`Sandbox merchant ${action.account_id}`)}</dd>
<dt>Amount</dt><dd>${escapeHtml(formatAmount(payment.amount, payment.currency))}</dd>
${payment.description ? `<dt>For</dt><dd>${escapeHtml(payment.description)}</dd>` : ''}
</dl>
${decisionForms(`/simulators/wallet/${token}`, 'Approve', 'Decline')}`,
    });
  });

  app.post('/wallet/:token', async (c) => {
    const token = c.req.param('token');
    const action = findAction(deps.db, token);
    if (!action || action.kind !== 'wallet') return notFoundPage(c);
    const { outcome } = await readOutcome(c);
    if (!outcome) return renderPage(c, { title: 'Bad request', body: '<h1>Choose Approve or Decline.</h1>' }, 400);
    const result = action.state === 'pending' ? resolveAction(deps, token, outcome) : null;
    if (!result) return finishedPage(c, 'Request finished', 'This payment request is no longer active.');
    return outcome === 'approve'
      ? finishedPage(c, 'Payment approved', 'You can go back to the shop.')
      : finishedPage(c, 'Payment declined', 'Nothing was charged. You can go back to the shop.');
  });

  return app;
}
