/**
 * 7. Sandbox API under load on loopback: autocannon clients that each loop "create a payment (secret
 * key) → confirm it with the 4242 card (publishable key + client secret)", at 1, 16 and 64 concurrent
 * connections. Throughput counts both requests; latency percentiles are over both kinds together.
 * The load runs on an account of its own, made for the run: it has no webhook endpoints, so what is
 * measured is the API, not the demo shop's webhook handler that the default account delivers to.
 * autocannon runs in the bench's own process, so on a 2-core machine it competes with the sandbox
 * for CPU: the numbers are a floor for what the sandbox can do, not its ceiling. So each level is also
 * run, right after, against the floor (floor-api-server.ts: a bare Node HTTP server answering the same
 * two requests), and the sandbox's throughput is given as a share of it: on a shared machine that
 * ratio moves much less than the raw numbers.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchStack } from '../stack.ts';
import { benchDir, repoRoot } from '../paths.ts';
import { createAccount, type Account } from '../sandbox-client.ts';

export interface LoadLevel {
  connections: number;
  durationS: number;
  requestsPerSec: number;
  paymentsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface ApiThroughput {
  levels: LoadLevel[];
  /** The same load against a bare Node HTTP server, level by level. */
  floor: LoadLevel[];
  autocannon: string;
}

const floorPort = 4232;

interface Context {
  payment?: { id: string; client_secret: string };
}

export async function measureApiThroughput(levels: number[], durationS: number, version: string): Promise<ApiThroughput> {
  const account = await createAccount();
  const floorServer = await startFloorServer();
  const floorTarget = { url: `http://127.0.0.1:${floorPort}`, account };
  const sandbox = { url: benchStack.apiUrl, account };
  const results: LoadLevel[] = [];
  const floor: LoadLevel[] = [];
  try {
    await runLevel(sandbox, 8, 2);
    await runLevel(floorTarget, 8, 2);
    for (const connections of levels) {
      results.push(await runLevel(sandbox, connections, durationS));
      floor.push(await runLevel(floorTarget, connections, durationS));
    }
  } finally {
    floorServer.kill('SIGTERM');
  }
  const failed = results.find((level) => level.non2xx + level.errors > level.total / 100);
  if (failed) throw new Error(`more than 1 % of requests failed at ${failed.connections} connections (${failed.non2xx} non-2xx, ${failed.errors} errors)`);
  return { levels: results, floor, autocannon: version };
}

async function startFloorServer(): Promise<import('node:child_process').ChildProcess> {
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(benchDir, 'src/floor-api-server.ts'), String(floorPort)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the floor API server exited (${code})`)));
    child.stdout?.once('data', () => resolve());
  });
  return child;
}

async function runLevel(target: { url: string; account: Account }, connections: number, durationS: number): Promise<LoadLevel> {
  const { account } = target;
  const result = await autocannon({
    url: target.url,
    connections,
    duration: durationS,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/v1/payments',
        headers: { authorization: `Bearer ${account.secret_key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 1250, currency: 'USD', description: 'bench load' }),
        onResponse: (status: number, body: string, context: Context) => {
          context.payment = status === 200 ? (JSON.parse(body) as { data: Context['payment'] }).data : undefined;
        },
      },
      {
        method: 'POST',
        setupRequest: (request: autocannon.Request, context: Context) => {
          const payment = context.payment;
          // A failed create starts the loop again rather than confirming nothing.
          if (!payment) return null as unknown as autocannon.Request;
          return {
            ...request,
            path: `/v1/payments/${payment.id}/confirm`,
            headers: { authorization: `Bearer ${account.publishable_key}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              client_secret: payment.client_secret,
              payment_method: { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } },
            }),
          };
        },
      },
    ],
  });
  return {
    connections,
    durationS,
    requestsPerSec: result.requests.average,
    paymentsPerSec: result.requests.average / 2,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
