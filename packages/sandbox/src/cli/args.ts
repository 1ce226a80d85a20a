/**
 * Command lines are parsed by node:util `parseArgs` in strict mode; this wraps it so that what it
 * refuses (an unknown flag, a flag without its value, an argument where none is taken) becomes a
 * usage error, and adds the value checks every command shares.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors.ts';

/** `-h` / `--help`, which every command takes. */
export const HELP_OPTION = { type: 'boolean', short: 'h' } as const;

export function parseCommandLine<const T extends ParseArgsConfig & { strict?: true }>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (isParseArgsError(error)) throw usageError(firstSentence(error.message), true);
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** parseArgs explains how to pass a positional that starts with "-"; the first sentence says what is wrong. */
function firstSentence(message: string): string {
  return message.split(/\.\s/)[0] ?? message;
}

/** A TCP port: 0 (any free port) to 65535. */
export function parsePort(flag: string, raw: string): number {
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw usageError(`${flag} must be a port number (0 to 65535), got "${raw}"`);
  return port;
}

/** An integer within [min, max]. */
export function parseInteger(flag: string, raw: string, min: number, max: number): number {
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw usageError(`${flag} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** An absolute http(s) URL. */
export function parseHttpUrl(flag: string, raw: string): URL {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw usageError(`${flag} must be an http:// or https:// URL, got "${raw}"`);
  }
  return url;
}
