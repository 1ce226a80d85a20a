/**
 * The CLI's errors. Each is one line for the terminal, and its kind sets the exit code, so a script can
 * tell "you called it wrong, or it could not get an answer" (2) from "the sandbox said no" (1).
 */
export type CliErrorKind =
  /** A bad flag, a missing or extra argument, an environment setting it cannot use. */
  | 'usage'
  /** The sandbox (or a port it needs) cannot be reached or bound. */
  | 'unreachable'
  /** The sandbox answered with an error (an unknown payment, nothing to approve, a wrong key). */
  | 'refused';

const EXIT_CODES: Record<CliErrorKind, number> = { usage: 2, unreachable: 2, refused: 1 };

export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;

  constructor(
    readonly kind: CliErrorKind,
    message: string,
    /** Whether the line should point to the command's --help (a flag it does not know, …). */
    readonly pointsToHelp = false,
  ) {
    // One line whatever the cause said: the terminal shows exactly one line per error.
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.exitCode = EXIT_CODES[kind];
  }
}

export function usageError(message: string, pointsToHelp = false): CliError {
  return new CliError('usage', message, pointsToHelp);
}
