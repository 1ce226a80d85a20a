/**
 * `soxara listen --forward-to <url>`: `stripe listen`, offline. Registers a webhook endpoint (the relay,
 * see webhook-relay.ts), prints its signing secret, prints one line per delivery attempt with the
 * merchant's answer, and deletes the endpoint on Ctrl-C.
 */
import { HELP_OPTION, parseCommandLine, parseHttpUrl } from '../args.ts';
import type { Command } from '../command.ts';
import { usageError } from '../errors.ts';
import { eventTypeList, parseEventList, TYPE_WIDTH } from '../event-types.ts';
import { API_OPTIONS, API_OPTIONS_HELP, connectToSandbox } from '../sandbox-api.ts';
import { startWebhookRelay, type RelayedDelivery } from '../webhook-relay.ts';

export const listenCommand: Command = {
  name: 'listen',
  summary: 'forward webhook deliveries to your server, and print each one',
  help: `Usage: soxara listen --forward-to <url> [--events <type,type,…>]

Registers a webhook endpoint with the sandbox and prints its signing secret (whsec_…): give it to your
webhook handler. Each delivery is then passed to <url>, signed as the sandbox signs it, and printed as
one line: time, event type, event id, and the HTTP status your server answered. A delivery your
server does not answer with 2xx is retried by the sandbox, and each attempt gets its line. Ctrl-C
deletes the endpoint.

Options:
  --forward-to <url>      where to deliver, e.g. http://localhost:3000/webhooks (required)
  --events <list>         the event types to deliver, comma-separated; a family as payment.*
                          (default: all)
${API_OPTIONS_HELP}
  -h, --help              this help

Example:
  soxara listen --forward-to http://localhost:3000/webhooks --events payment.succeeded,payment.failed

The event types:
${eventTypeList('  ')}`,

  async run(argv, io) {
    const { values } = parseCommandLine({
      args: argv,
      options: { 'forward-to': { type: 'string' }, events: { type: 'string' }, ...API_OPTIONS, help: HELP_OPTION },
    });
    if (values.help) return io.out(listenCommand.help);
    if (values['forward-to'] === undefined) throw usageError('missing --forward-to <url>, e.g. --forward-to http://localhost:3000/webhooks');
    const forwardTo = parseHttpUrl('--forward-to', values['forward-to']);
    const events = values.events === undefined ? (['*'] as const) : parseEventList('--events', values.events);
    const api = connectToSandbox(values, io);

    const stopped = io.untilStopped();
    const relay = await startWebhookRelay({
      forwardTo,
      onDelivery: (delivery) => io.out(deliveryLine(delivery)),
      onRefused: (reason) => io.err(`soxara listen: ${reason}`),
    });
    let endpointId: string;
    try {
      const endpoint = await api.call((client) => client.webhookEndpoints.create({ url: relay.url, enabled_events: [...events] }));
      relay.accept(endpoint.secret);
      endpointId = endpoint.id;
      io.out(`Ready. Forwarding ${events.includes('*') ? 'every event' : events.join(', ')} to ${forwardTo.href}`);
      io.out(`Webhook signing secret: ${endpoint.secret}  (endpoint ${endpoint.id}; Ctrl-C deletes it)`);
    } catch (error) {
      await relay.close();
      throw error;
    }

    await stopped;
    try {
      await api.call((client) => client.webhookEndpoints.del(endpointId));
      io.err(`soxara listen: endpoint ${endpointId} deleted`);
    } finally {
      await relay.close();
    }
  },
};

/** `2026-12-03T07:40:01Z  payment.succeeded  evt_…  200`; without an answer, why (`ECONNREFUSED`, `timeout`). */
export function deliveryLine(delivery: RelayedDelivery): string {
  const time = delivery.at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const answer = delivery.outcome.kind === 'answered' ? String(delivery.outcome.status) : `no answer (${delivery.outcome.reason})`;
  return `${time}  ${delivery.eventType.padEnd(TYPE_WIDTH)}  ${delivery.eventId}  ${answer}`;
}
