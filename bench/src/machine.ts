/** What the numbers were measured on: the report states it beside every table. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDir, repoRoot } from './paths.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  /** 1-minute load averages at the start and the end: the machine is shared. */
  loadAverage: { start: number; end?: number };
  commit: string;
  versions: Record<string, string>;
}

export function describeMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 1e8) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: { start: round2(os.loadavg()[0]!) },
    commit: gitCommit(),
    versions: {
      esbuild: packageVersion(path.join(benchDir, 'node_modules/esbuild')),
      autocannon: packageVersion(path.join(benchDir, 'node_modules/autocannon')),
      'braintree-web': packageVersion(path.join(benchDir, 'node_modules/braintree-web')),
      '@adyen/adyen-web': packageVersion(path.join(benchDir, 'node_modules/@adyen/adyen-web')),
      '@paystack/inline-js': packageVersion(path.join(benchDir, 'node_modules/@paystack/inline-js')),
      '@playwright/test': packageVersion(path.join(repoRoot, 'node_modules/@playwright/test')),
    },
  };
}

export function endLoad(machine: Machine): void {
  machine.loadAverage.end = round2(os.loadavg()[0]!);
}

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
