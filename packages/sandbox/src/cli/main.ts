#!/usr/bin/env node
/** The `soxara` executable: the process around runCli (stdout, stderr, signals, the exit code). */
import { runCli } from './run.ts';

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    let signals = 0;
    const onSignal = (): void => {
      // A second Ctrl-C while the first is being handled means "now".
      if (++signals > 1) process.exit(130);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

const exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  cwd: process.cwd(),
  untilStopped,
});
// Exit now: a long-running command has closed its servers, and nothing else is left to wait for.
process.exit(exitCode);
