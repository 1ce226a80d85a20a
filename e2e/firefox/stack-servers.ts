/**
 * Starts the Chromium suite's stack for the Firefox suite, once per run (vitest's global setup): the very
 * `webServer` entries of playwright.config.ts, spawned with their own environment and awaited on their
 * own health URLs, as Playwright does. The ports are the Chromium suite's moved by FIREFOX_PORT_SHIFT
 * (set in ./stack-env.ts before stack.ts is read), so both suites can run at once on one machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import './stack-env.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface WebServer {
  command: string;
  url: string;
  env?: Record<string, string>;
  timeout?: number;
}

async function waitUntilUp(server: WebServer, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + (server.timeout ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`\`${server.command}\` exited with ${child.exitCode} before ${server.url} answered`);
    const answered = await fetch(server.url).then((response) => response.status < 400, () => false);
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${server.url} did not answer within ${server.timeout ?? 60_000} ms (\`${server.command}\`)`);
}

export default async function startStack(): Promise<() => Promise<void>> {
  const { default: config } = await import('../../playwright.config.ts');
  const servers = [config.webServer ?? []].flat() as WebServer[];
  const children = servers.map((server) => {
    // Its own process group, so that stopping it also stops the processes `tsx` and start.ts spawn.
    const child = spawn(server.command, { cwd: root, shell: true, detached: true, env: { ...process.env, ...server.env }, stdio: ['ignore', 'ignore', 'inherit'] });
    return { server, child };
  });
  const stop = async () => {
    await Promise.all(
      children.map(({ child }) => {
        if (child.exitCode !== null || child.pid === undefined) return undefined;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      }),
    );
  };
  try {
    await Promise.all(children.map(({ server, child }) => waitUntilUp(server, child)));
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
