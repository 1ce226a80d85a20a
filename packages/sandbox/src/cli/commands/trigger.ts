/** `soxara trigger <event type>`: the sandbox emits a realistic sample event and delivers it as any other. */
import { EVENT_TYPES } from '@soxara/protocol';
import { HELP_OPTION, parseCommandLine } from '../args.ts';
import type { Command } from '../command.ts';
import { usageError } from '../errors.ts';
import { eventTypeList, parseEventType } from '../event-types.ts';
import { API_OPTIONS, API_OPTIONS_HELP, connectToSandbox } from '../sandbox-api.ts';

export const triggerCommand: Command = {
  name: 'trigger',
  summary: 'emit a sample event of any type, delivered to your webhook endpoints',
  help: `Usage: soxara trigger <event type>

Makes the sandbox emit a realistic sample event of that type (POST /v1/test_helpers/events) and
deliver it to every webhook endpoint that takes it, such as the one soxara listen registers. Prints
the event's id.

Options:
${API_OPTIONS_HELP}
  -h, --help              this help

The ${EVENT_TYPES.length} event types:
${eventTypeList('  ')}`,

  async run(argv, io) {
    const { values, positionals } = parseCommandLine({
      args: argv,
      options: { ...API_OPTIONS, help: HELP_OPTION },
      allowPositionals: true,
    });
    if (values.help) return io.out(triggerCommand.help);
    const [raw, ...extra] = positionals;
    if (raw === undefined) throw usageError('missing the event type, e.g. soxara trigger payment.succeeded');
    if (extra.length > 0) throw usageError(`one event type at a time, got also "${extra.join(' ')}"`);
    const type = parseEventType('event type', raw);
    const api = connectToSandbox(values, io);
    const event = await api.call((client) => client.testHelpers.events.create(type));
    io.out(`Triggered ${event.type}: ${event.id}`);
  },
};
