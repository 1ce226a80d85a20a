/**
 * `soxara <command> …`: picks the command, runs it, and turns whatever it throws into one line on
 * stderr and an exit code (2 for usage and unreachable, 1 for the sandbox's refusals; errors.ts).
 */
import type { CliIo, Command } from './command.ts';
import { devCommand } from './commands/dev.ts';
import { eventsCommand } from './commands/events.ts';
import { listenCommand } from './commands/listen.ts';
import { paymentsCommand } from './commands/payments.ts';
import { triggerCommand } from './commands/trigger.ts';
import { CliError, usageError } from './errors.ts';
import { packageVersion } from './version.ts';

const COMMANDS: readonly Command[] = [devCommand, listenCommand, triggerCommand, eventsCommand, paymentsCommand];
const NAMES = COMMANDS.map((command) => command.name).join(', ');

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return `Usage: soxara <command> [options]

The Soxara sandbox on your machine: the test-mode API and the JS origin, offline.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join('\n')}

soxara <command> --help tells more. soxara --version prints the version.`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  let command: Command | undefined;
  try {
    if (name === undefined) throw usageError(`missing a command (${NAMES}); see soxara --help`);
    if (name === '--help' || name === '-h' || name === 'help') {
      // `soxara help <command>` is `soxara <command> --help`.
      io.out(name === 'help' && rest[0] !== undefined ? find(rest[0]).help : overview());
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.out(packageVersion());
      return 0;
    }
    command = find(name);
    await command.run(rest, io);
    return 0;
  } catch (error) {
    const prefix = command ? `soxara ${command.name}` : 'soxara';
    if (error instanceof CliError) {
      const hint = command && error.pointsToHelp ? ` (see soxara ${command.name} --help)` : '';
      io.err(`${prefix}: ${error.message}${hint}`);
      return error.exitCode;
    }
    // A bug, or a failure nothing above foresaw: still one line, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`${prefix}: unexpected error: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  }
}

function find(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) throw usageError(`unknown command "${name}" (${NAMES}); see soxara --help`);
  return command;
}
