/**
 * `soxara payments approve|decline <pi_…>`: the customer's side of a pending payment, from the
 * terminal: the MoMo PIN prompt on their phone, the wallet app's request, or the 3-D Secure challenge.
 */
import type { Payment } from '@soxara/protocol';
import { HELP_OPTION, parseCommandLine } from '../args.ts';
import type { Command } from '../command.ts';
import { usageError } from '../errors.ts';
import { API_OPTIONS, API_OPTIONS_HELP, connectToSandbox } from '../sandbox-api.ts';

const ACTIONS = ['approve', 'decline'] as const;
type CustomerDecision = (typeof ACTIONS)[number];

export const paymentsCommand: Command = {
  name: 'payments',
  summary: "approve or decline a pending payment as the customer would (MoMo, wallet, 3-D Secure)",
  help: `Usage: soxara payments approve <pi_…>
       soxara payments decline <pi_…>

Answers the customer action a payment waits for (status requires_action), as the customer would: the
MoMo or Orange Money PIN prompt, the Soxara wallet request, or the 3-D Secure challenge. Prints the
payment's new status. An approved payment succeeds (payment.succeeded); a declined one goes back to
requires_payment_method with its last_payment_error (payment.failed).

Options:
${API_OPTIONS_HELP}
  -h, --help              this help`,

  async run(argv, io) {
    const { values, positionals } = parseCommandLine({
      args: argv,
      options: { ...API_OPTIONS, help: HELP_OPTION },
      allowPositionals: true,
    });
    if (values.help) return io.out(paymentsCommand.help);
    const [action, id, ...extra] = positionals;
    if (action === undefined) throw usageError('missing approve or decline, e.g. soxara payments approve pi_…');
    if (!isDecision(action)) throw usageError(`"${action}" is not approve or decline`);
    if (id === undefined) throw usageError(`missing the payment id, e.g. soxara payments ${action} pi_…`);
    if (!/^pi_[A-Za-z0-9]+$/.test(id)) throw usageError(`"${id}" is not a payment id (pi_…)`);
    if (extra.length > 0) throw usageError(`one payment at a time, got also "${extra.join(' ')}"`);
    const api = connectToSandbox(values, io);
    const payment = await api.call((client) => client.testHelpers.payments[action](id));
    io.out(paymentLine(payment));
  },
};

function isDecision(value: string): value is CustomerDecision {
  return (ACTIONS as readonly string[]).includes(value);
}

/** `pi_…  succeeded`, or with the reason a declined payment records: `… requires_payment_method  approval_rejected`. */
function paymentLine(payment: Payment): string {
  const reason = payment.last_payment_error?.code;
  return [payment.id, payment.status, ...(payment.status === 'succeeded' || !reason ? [] : [reason])].join('  ');
}
