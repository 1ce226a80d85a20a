/**
 * `soxara events [--type T] [--limit N]`: the account's latest events, newest first, one line each;
 * `soxara events resend <evt_…> [--endpoint we_…]`: one of them delivered again, with the same id.
 */
import type { SoxaraEvent, WebhookDelivery } from '@soxara/protocol';
import { HELP_OPTION, parseCommandLine, parseInteger } from '../args.ts';
import type { Command, CliIo } from '../command.ts';
import { usageError } from '../errors.ts';
import { eventTypeList, expandFamily, TYPE_WIDTH } from '../event-types.ts';
import { API_OPTIONS, API_OPTIONS_HELP, connectToSandbox } from '../sandbox-api.ts';

const MAX_LIMIT = 100;

export const eventsCommand: Command = {
  name: 'events',
  summary: 'list the latest events, newest first',
  help: `Usage: soxara events [--type <event type>] [--limit <n>]
       soxara events resend <evt_…> [--endpoint <we_…>]

Prints the account's latest events, newest first, one line each: when, type, event id, and the id of
the object it is about.

resend delivers one event again, the same event with the same id, to every enabled webhook endpoint
that subscribes to its type, or to the one --endpoint names; prints one line per delivery made
(delivery id, endpoint). Follow them with GET /v1/webhook_endpoints/:id/deliveries or soxara listen.

Options:
  --type <type>           only events of this type, or of a family (payment.*)
  --limit <n>             how many, 1 to ${MAX_LIMIT} (default 10)
  --endpoint <we_…>       resend: only to this endpoint
${API_OPTIONS_HELP}
  -h, --help              this help

The event types:
${eventTypeList('  ')}`,

  async run(argv, io) {
    const { values, positionals } = parseCommandLine({
      args: argv,
      options: { type: { type: 'string' }, limit: { type: 'string' }, endpoint: { type: 'string' }, ...API_OPTIONS, help: HELP_OPTION },
      allowPositionals: true,
    });
    if (values.help) return io.out(eventsCommand.help);
    const [subcommand, ...rest] = positionals;
    if (subcommand === 'resend') return resend(rest, values, io);
    if (subcommand !== undefined) throw usageError(`"${subcommand}" is not a subcommand of soxara events (resend)`, true);
    if (values.endpoint !== undefined) throw usageError('--endpoint goes with soxara events resend', true);
    // Checked here so that a typo is a usage error; the API takes the text as given (a type or a family).
    if (values.type !== undefined) expandFamily('--type', values.type);
    const limit = values.limit === undefined ? undefined : parseInteger('--limit', values.limit, 1, MAX_LIMIT);
    const api = connectToSandbox(values, io);
    const { data } = await api.call((client) =>
      client.events.list({ limit, ...(values.type !== undefined && { type: values.type as SoxaraEvent['type'] }) }),
    );
    if (data.length === 0) io.err('soxara events: no events yet');
    for (const event of data) io.out(eventLine(event));
  },
};

async function resend(
  args: readonly string[],
  values: { type?: string | undefined; limit?: string | undefined; endpoint?: string | undefined; 'api-key'?: string | undefined; 'api-url'?: string | undefined },
  io: CliIo,
): Promise<void> {
  const [id, ...extra] = args;
  if (id === undefined) throw usageError('missing the event id, e.g. soxara events resend evt_…');
  if (!/^evt_[A-Za-z0-9]+$/.test(id)) throw usageError(`"${id}" is not an event id (evt_…)`);
  if (extra.length > 0) throw usageError(`one event at a time, got also "${extra.join(' ')}"`);
  if (values.type !== undefined || values.limit !== undefined) throw usageError('--type and --limit list events; resend takes --endpoint', true);
  if (values.endpoint !== undefined && !/^we_[A-Za-z0-9]+$/.test(values.endpoint)) {
    throw usageError(`"${values.endpoint}" is not a webhook endpoint id (we_…)`);
  }
  const api = connectToSandbox(values, io);
  const deliveries = await api.post<WebhookDelivery[]>(
    `/v1/events/${id}/resend`,
    values.endpoint === undefined ? {} : { endpoint: values.endpoint },
  );
  if (deliveries.length === 0) io.err(`soxara events resend: no enabled webhook endpoint subscribes to ${id}'s type`);
  for (const delivery of deliveries) io.out(`${delivery.id}  ${delivery.endpoint}  ${delivery.event_type ?? ''}`.trimEnd());
}

export function eventLine(event: SoxaraEvent): string {
  const object = event.data.object as { id?: unknown };
  return [event.created_at, event.type.padEnd(TYPE_WIDTH), event.id, typeof object.id === 'string' ? object.id : ''].join('  ').trimEnd();
}
