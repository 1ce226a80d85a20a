/**
 * What every `soxara` command is: a name, a line for the overview, its `--help`, and `run`. Commands
 * touch the world only through `CliIo`, so the process (main.ts) decides what stdout, the environment,
 * the folder and Ctrl-C are.
 */
export interface CliIo {
  /** A line for stdout: what the command produced (keys, events, deliveries). */
  out(line: string): void;
  /** A line for stderr: notes and warnings. */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** The folder the command runs in: `soxara dev` keeps its data in `<cwd>/.soxara`. */
  cwd: string;
  /**
   * Settles on Ctrl-C or SIGTERM, for the long-running commands (dev, listen) to stop cleanly. Until a
   * command asks, Ctrl-C keeps its default meaning: stop now.
   */
  untilStopped(): Promise<void>;
}

export interface Command {
  name: string;
  /** One line for `soxara --help`. */
  summary: string;
  /** The text of `soxara <name> --help`. */
  help: string;
  /** Resolves when the command is done; throws a CliError for anything the user should read. */
  run(argv: string[], io: CliIo): Promise<void>;
}
