/**
 * `pnpm start`: the whole local stack — sandbox API, JS/frames server, demo shop and its React twin — with working
 * defaults, each in its own process so one crash is visible and the others keep their logs apart.
 *
 * The default account's keys are made once and kept in `<data dir>/keys.json`, then handed to every
 * process, so the demo merchant and the sandbox agree without any copy-paste.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };

const dataRoot = path.resolve(root, env.SOXARA_STACK_DIR ?? '.data');
if (process.argv.includes('--reset')) rmSync(dataRoot, { recursive: true, force: true });
mkdirSync(dataRoot, { recursive: true });

env.SOXARA_API_PORT ??= '4010';
env.SOXARA_JS_PORT ??= '4020';
env.DEMO_PORT ??= '3000';
env.REACT_DEMO_PORT ??= '3001';
env.SOXARA_API_URL ??= `http://localhost:${env.SOXARA_API_PORT}`;
env.SOXARA_JS_URL ??= `http://localhost:${env.SOXARA_JS_PORT}`;
env.DEMO_URL ??= `http://localhost:${env.DEMO_PORT}`;
env.REACT_DEMO_URL ??= `http://localhost:${env.REACT_DEMO_PORT}`;
env.SOXARA_DATA_DIR ??= path.join(dataRoot, 'sandbox');
env.DEMO_DATA_DIR ??= path.join(dataRoot, 'demo');
env.REACT_DEMO_DATA_DIR ??= path.join(dataRoot, 'react-demo');

const keysFile = path.join(dataRoot, 'keys.json');
if (!env.SOXARA_PUBLISHABLE_KEY || !env.SOXARA_SECRET_KEY) {
  const keys = existsSync(keysFile)
    ? (JSON.parse(readFileSync(keysFile, 'utf8')) as { publishable_key: string; secret_key: string })
    : { publishable_key: `sxm_test_${token()}`, secret_key: `sxs_test_${token()}` };
  writeFileSync(keysFile, JSON.stringify(keys, null, 2));
  env.SOXARA_PUBLISHABLE_KEY ??= keys.publishable_key;
  env.SOXARA_SECRET_KEY ??= keys.secret_key;
}

function token(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 24);
}

interface Service {
  name: string;
  entry: string;
  url: string;
}

const services: Service[] = [
  { name: 'sandbox', entry: 'packages/sandbox/src/main.ts', url: env.SOXARA_API_URL },
  { name: 'js', entry: 'apps/frames/server/main.ts', url: env.SOXARA_JS_URL },
  { name: 'demo', entry: 'apps/demo/src/server.ts', url: env.DEMO_URL },
  { name: 'react-demo', entry: 'apps/react-demo/server/main.ts', url: env.REACT_DEMO_URL },
].filter((service) => existsSync(path.join(root, service.entry)));

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const children: ChildProcess[] = services.map((service) => {
  const child = spawn(tsx, [service.entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${service.name}] `;
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefixLines(prefix, chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefixLines(prefix, chunk)));
  child.on('exit', (code, signal) => {
    if (shuttingDown) return;
    console.error(`${prefix}exited (${signal ?? code}); stopping the stack`);
    shutdown(1);
  });
  return child;
});

function prefixLines(prefix: string, chunk: Buffer): string {
  return chunk.toString().replace(/^(?=.)/gm, prefix);
}

console.log(`Soxara local stack
  sandbox API   ${env.SOXARA_API_URL}
  JS / frames   ${env.SOXARA_JS_URL}/v1
  demo shop     ${env.DEMO_URL}
  React shop    ${env.REACT_DEMO_URL}
  publishable   ${env.SOXARA_PUBLISHABLE_KEY}
  secret        ${env.SOXARA_SECRET_KEY}
  data          ${dataRoot}  (delete it to reset)
`);

let shuttingDown = false;
function shutdown(code: number): void {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve)))).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
