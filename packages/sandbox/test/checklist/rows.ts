/**
 * What the checklist's server-side tests share (test/checklist/*.test.ts, one file per topic). Each test
 * is named after its row of docs/security-checklist.md, the map of all 64 rows, which names these files
 * and titles; `pnpm security:report` checks that every name it cites still exists. Rows that other
 * sandbox tests already prove are only referenced in the map, not repeated here.
 */
import { randomUUID } from 'node:crypto';
import { TEST_CARDS } from '@soxara/protocol/test-values';
import { expect } from 'vitest';
import { CARD, createPayment, type TestSandbox } from '../helpers.ts';

export const uid = (prefix: string) => `${prefix}-${randomUUID()}`;
export const idem = (key: string) => ({ 'x-idempotency-key': key });

type ObjectMatch = (object: Record<string, unknown>) => boolean;

/** How many events of `type` the sandbox emitted for objects that `match`. */
export const countEvents = (t: TestSandbox, type: string, match: ObjectMatch) =>
  t.events.filter((e) => e.type === type && match(e.object)).length;
export const byId = (id: string): ObjectMatch => (object) => object['id'] === id;
export const byOrder = (order: string): ObjectMatch => (object) =>
  (object['metadata'] as Record<string, string> | undefined)?.['order_id'] === order;

export function confirmBody(p: { client_secret: string }, number: string = TEST_CARDS.success.number) {
  return { client_secret: p.client_secret, payment_method: CARD(number) };
}

export async function succeededPayment(t: TestSandbox) {
  const p = await createPayment(t);
  const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD(TEST_CARDS.success.number) } });
  expect(res.json.data.status).toBe('succeeded');
  return p;
}
