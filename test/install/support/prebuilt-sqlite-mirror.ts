/**
 * A loopback stand-in for better-sqlite3's download host, for npm installs outside the workspace.
 *
 * `npm install` of @soxara/sandbox runs better-sqlite3's install script: prebuild-install downloads a
 * compiled binary for this Node from GitHub, else node-gyp compiles SQLite (minutes of CPU). These
 * machines have no internet beyond the npm registry, so every install would compile. prebuild-install
 * takes another host from `npm_config_better_sqlite3_binary_host` (its documented mirror setting, what
 * offline CI uses); this serves, under the file name it asks for, the binary the workspace's own
 * install built for the same version and Node. The install script still runs and unpacks it into the
 * merchant's node_modules as it would a download. Another version or Node gets a 404, and npm compiles.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './run.ts';

export interface PrebuildMirror {
  /** The environment for `npm install`. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startPrebuildMirror(): Promise<PrebuildMirror> {
  // The workspace's own better-sqlite3, as the sandbox package resolves it.
  const manifestFile = createRequire(path.join(REPO_ROOT, 'packages/sandbox/package.json')).resolve('better-sqlite3/package.json');
  const packageDir = path.dirname(manifestFile);
  const { version } = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
  const scratch = mkdtempSync(path.join(tmpdir(), 'soxara-prebuild-'));
  const tarball = path.join(scratch, 'prebuild.tar.gz');
  // The layout of a prebuild-install tarball: the binary at build/Release/, as node-gyp leaves it.
  execFileSync('tar', ['-czf', tarball, '-C', packageDir, 'build/Release/better_sqlite3.node']);
  const body = readFileSync(tarball);
  const wanted = new RegExp(
    `^/v${version.replace(/\./g, '\\.')}/better-sqlite3-v${version.replace(/\./g, '\\.')}-node-v${process.versions.modules}-${process.platform}[a-z]*-${process.arch}\\.tar\\.gz$`,
  );

  const server = createServer((req, res) => {
    if (req.method === 'GET' && wanted.test(req.url ?? '')) {
      res.writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { npm_config_better_sqlite3_binary_host: `http://127.0.0.1:${port}` },
    close: () =>
      new Promise<void>((resolve) => {
        rmSync(scratch, { recursive: true, force: true });
        server.close(() => resolve());
      }),
  };
}
