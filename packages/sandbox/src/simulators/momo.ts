/**
 * A MoMo phone, simulated: `next_action.momo_pin_prompt.simulator_url` (sandbox only) opens the PIN prompt
 * at `/simulators/momo/:token`, where the tester can approve or decline before the scheduled outcome.
 */
import { Hono } from 'hono';
import type { Deps } from '../http/env.ts';
import { findAction, findPaymentAnyAccount } from '../store/payments.ts';
import { resolveAction } from '../payments/actions.ts';
import { decisionForms, escapeHtml, finishedPage, formatAmount, notFoundPage, readOutcome, renderPage } from './page.ts';

export function momoSimulator(deps: Deps): Hono {
  const app = new Hono();

  app.get('/momo/:token', (c) => {
    const token = c.req.param('token');
    const action = findAction(deps.db, token);
    const record = action?.kind === 'momo' ? findPaymentAnyAccount(deps.db, action.payment_id) : undefined;
    if (!action || !record) return notFoundPage(c);
    if (action.state !== 'pending') return finishedPage(c, 'Prompt finished', 'This PIN prompt is no longer active.');
    const { payment } = record;
    const prompt = payment.next_action?.type === 'momo_pin_prompt' ? payment.next_action.momo_pin_prompt : null;
    return renderPage(c, {
      title: 'MoMo PIN prompt',
      body: `<h1>Mobile money payment</h1>
<p>Pay ${escapeHtml(formatAmount(payment.amount, payment.currency))} to ${escapeHtml(`Sandbox merchant ${action.account_id}`)}?</p>
<dl>
${prompt ? `<dt>Phone</dt><dd>${escapeHtml(prompt.phone_number_masked)}</dd><dt>Expires</dt><dd>${escapeHtml(prompt.expires_at)}</dd>` : ''}
</dl>
${decisionForms(`/simulators/momo/${token}`, 'Enter PIN and approve', 'Decline')}`,
    });
  });

  app.post('/momo/:token', async (c) => {
    const token = c.req.param('token');
    const action = findAction(deps.db, token);
    if (!action || action.kind !== 'momo') return notFoundPage(c);
    const { outcome } = await readOutcome(c);
    if (!outcome) return renderPage(c, { title: 'Bad request', body: '<h1>Choose Approve or Decline.</h1>' }, 400);
    const result = action.state === 'pending' ? resolveAction(deps, token, outcome) : null;
    if (!result) return finishedPage(c, 'Prompt finished', 'This PIN prompt is no longer active.');
    return finishedPage(c, outcome === 'approve' ? 'Payment approved' : 'Payment declined', 'You can put the phone down.');
  });

  return app;
}
