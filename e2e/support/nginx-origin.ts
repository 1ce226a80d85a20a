/**
 * The JS origin as a CDN serves it, for playwright.cdn.config.ts: Debian's nginx serving the static
 * build (`pnpm build:cdn`, apps/frames/server/cdn/) through the build's own nginx include, so no code
 * of this project runs on that origin. nginx runs unprivileged and in the foreground, one process
 * (`master_process off`: no workers to switch users or leave behind when Playwright stops it), bound
 * to 127.0.0.1 on the stack's JS port; its pid and temp folders live in the stack's data directory.
 *
 * Run directly, this writes that server config. The web server command is
 *   tsx scripts/build-cdn.ts --out <site> && tsx e2e/support/nginx-origin.ts && exec nginx …
 * so the build is the one a deployer makes, with this stack's SOXARA_API_URL and SOXARA_JS_URL, into
 * the data directory (not dist/cdn/, which may hold a build for a real deployment).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stack, stackEnv } from './stack.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(repoRoot, stackEnv.SOXARA_STACK_DIR!);
const dir = path.join(dataDir, 'nginx');

export const nginxOrigin = {
  /** The static site nginx serves. */
  site: path.join(dataDir, 'cdn'),
  /** nginx's prefix: its config, pid and temp folders. */
  dir,
  conf: path.join(dir, 'nginx.conf'),
  binary: process.env.NGINX_PATH ?? '/usr/sbin/nginx',
} as const;

/** The shell command that builds the site, writes the config and becomes nginx. */
export function nginxOriginCommand(): string {
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  return [
    `tsx scripts/build-cdn.ts --out ${quote(nginxOrigin.site)}`,
    'tsx e2e/support/nginx-origin.ts',
    `exec ${quote(nginxOrigin.binary)} -e stderr -p ${quote(nginxOrigin.dir)} -c ${quote(nginxOrigin.conf)}`,
  ].join(' && ');
}

function serverConfig(): string {
  const temp = (name: string) => path.join(dir, 'temp', name);
  const { port } = new URL(stack.jsUrl);
  return `# The e2e suite's JS origin (e2e/support/nginx-origin.ts). Written at each start; do not edit.
daemon off;
master_process off;
pid ${path.join(dir, 'nginx.pid')};
error_log stderr warn;
events {
    worker_connections 256;
}
http {
    access_log off;
    client_body_temp_path ${temp('body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
    server {
        listen 127.0.0.1:${port};
        root ${nginxOrigin.site};
        include ${path.join(nginxOrigin.site, 'nginx.conf')};
    }
}
`;
}

function isMain(): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isMain()) {
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  writeFileSync(nginxOrigin.conf, serverConfig());
  console.log(`nginx for ${stack.jsUrl}: ${nginxOrigin.conf}, serving ${nginxOrigin.site}`);
}
