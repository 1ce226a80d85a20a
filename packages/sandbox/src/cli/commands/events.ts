/** `soxara events [--type T] [--limit N]`: the account's latest events, newest first, one line each. */
import type { SoxaraEvent } from '@soxara/protocol';
import { HELP_OPTION, parseCommandLine, parseInteger } from '../args.ts';
import type { Command } from '../command.ts';
import { eventTypeList, expandFamily, TYPE_WIDTH } from '../event-types.ts';
import { API_OPTIONS, API_OPTIONS_HELP, connectToSandbox } from '../sandbox-api.ts';

const MAX_LIMIT = 100;

export const eventsCommand: Command = {
  name: 'events',
  summary: 'list the latest events, newest first',
  help: `Usage: soxara events [--type <event type>] [--limit <n>]

Prints the account's latest events, newest first, one line each: when, type, event id, and the id of
the object it is about.

Options:
  --type <type>           only events of this type, or of a family (payment.*)
  --limit <n>             how many, 1 to ${MAX_LIMIT} (default 10)
${API_OPTIONS_HELP}
  -h, --help              this help

The event types:
${eventTypeList('  ')}`,

  async run(argv, io) {
    const { values } = parseCommandLine({
      args: argv,
      options: { type: { type: 'string' }, limit: { type: 'string' }, ...API_OPTIONS, help: HELP_OPTION },
    });
    if (values.help) return io.out(eventsCommand.help);
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

export function eventLine(event: SoxaraEvent): string {
  const object = event.data.object as { id?: unknown };
  return [event.created_at, event.type.padEnd(TYPE_WIDTH), event.id, typeof object.id === 'string' ? object.id : ''].join('  ').trimEnd();
}
