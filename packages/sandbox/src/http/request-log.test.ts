import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestLog } from './request-log.ts';

describe('requestLog', () => {
  it('logs method, path and status but never the query string (it may hold a client secret)', async () => {
    const lines: string[] = [];
    const app = new Hono();
    app.use('*', requestLog((line) => lines.push(line)));
    app.get('/v1/payments/:id', (c) => c.json({ ok: true }));
    await app.request('/v1/payments/pi_1?client_secret=pi_1_secret_abc&wait=5');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[sandbox\] GET \/v1\/payments\/pi_1 200 \d+ms$/);
    expect(lines[0]).not.toContain('secret');
  });
});
