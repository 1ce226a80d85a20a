/**
 * @soxara/sandbox as a merchant gets it: built and packed by `pnpm pack` as a release would, then
 * installed with plain npm into a fresh project in the system's temp folder, outside the workspace,
 * in an environment without the workspace's npm settings or binaries on PATH. Whatever it needs at run
 * time must then come from its tarball and the registry.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPrebuildMirror } from './prebuilt-sqlite-mirror.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const REPO_ROOT = path.resolve(PACKAGE_DIR, '../..');

/** A shell's environment outside the workspace: no npm/pnpm settings, no workspace binaries. */
export function outsideEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_)/i.test(name) || /^SOXARA_/.test(name) || ['NODE_OPTIONS', 'NODE_PATH', 'INIT_CWD', 'HOST'].includes(name)) continue;
    env[name] = value;
  }
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.startsWith(REPO_ROOT))
    .join(path.delimiter);
  return { ...env, ...extra };
}

/** Runs a command to its end; rejects with all it printed unless it exits 0. */
export function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`\`${file} ${args.join(' ')}\` exited with ${code}\n${stdout}\n${stderr}`));
    });
  });
}

export interface InstalledSandbox {
  /** The merchant's project, with @soxara/sandbox in its node_modules. */
  projectDir: string;
  remove(): void;
}

export async function packAndInstall(): Promise<InstalledSandbox> {
  const tarballDir = mkdtempSync(path.join(tmpdir(), 'soxara-sandbox-tarball-'));
  // The build a release's prepack runs, as a step of its own so that pack's --json is not mixed with its log.
  await run('pnpm', ['run', 'build'], { cwd: PACKAGE_DIR, env: process.env });
  const packed = JSON.parse(
    await run('pnpm', ['pack', '--pack-destination', tarballDir, '--json', '--config.ignore-scripts=true'], { cwd: PACKAGE_DIR, env: process.env }),
  ) as { filename: string };
  const projectDir = realpathSync(mkdtempSync(path.join(tmpdir(), 'soxara-merchant-')));
  if (projectDir.startsWith(REPO_ROOT)) throw new Error(`the merchant project must be outside the workspace, not ${projectDir}`);
  writeFileSync(path.join(projectDir, 'package.json'), `${JSON.stringify({ name: 'merchant-shop', private: true, type: 'module' }, null, 2)}\n`);

  const mirror = await startPrebuildMirror();
  try {
    await run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--no-update-notifier', packed.filename], {
      cwd: projectDir,
      env: outsideEnv(mirror.env),
    });
  } finally {
    await mirror.close();
  }
  rmSync(tarballDir, { recursive: true, force: true });
  return {
    projectDir,
    remove: () => rmSync(projectDir, { recursive: true, force: true }),
  };
}
