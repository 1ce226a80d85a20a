/**
 * Data dirs written before 0.2.0 kept the method's details in `payment_method` (`{type, card: {…}}`);
 * since then `payment_method` is the method's name, as the event reference shows it, and the details sit
 * beside it in `payment_method_details`. Opening such a database rewrites its payments and its payment
 * events once, in one transaction, so a retrieve, an event list and a webhook still pending delivery all
 * answer in today's shape. Stored idempotent answers are left as they are: a replay is the first
 * answer byte for byte, as the idempotency contract promises.
 */
import type Database from 'better-sqlite3';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The payment in today's shape, keys in the order the API writes them; `null` when it already is (it has
 * `payment_method_details`). The old wallet details carried an empty `soxara_wallet: {}`, which today's
 * leave out; a payment never confirmed had `payment_method: null` and now also has null details.
 */
export function upgradePaymentObject(payment: JsonObject): JsonObject | null {
  if (Object.hasOwn(payment, 'payment_method_details')) return null;
  const details = payment['payment_method'];
  const known = isObject(details) && typeof details['type'] === 'string';
  if (!known && details !== null) return null;
  const upgraded: JsonObject = {};
  for (const [key, value] of Object.entries(payment)) {
    if (key !== 'payment_method') {
      upgraded[key] = value;
      continue;
    }
    if (!known) {
      upgraded['payment_method'] = null;
      upgraded['payment_method_details'] = null;
      continue;
    }
    const { soxara_wallet: _emptyWalletDetails, ...kept } = details;
    upgraded['payment_method'] = details['type'];
    upgraded['payment_method_details'] = kept;
  }
  return upgraded;
}

/** Upgrades every stored payment and payment event still in the old shape. Returns how many of each. */
export function upgradeStoredPaymentMethods(db: Database.Database): { payments: number; events: number } {
  const oldPayments = db
    .prepare<[], { id: string; data: string }>(`SELECT id, data FROM payments WHERE json_type(data, '$.payment_method_details') IS NULL`);
  const oldEvents = db.prepare<[], { id: string; body: string }>(
    `SELECT id, body FROM events WHERE type LIKE 'payment.%' AND json_type(body, '$.data.object.payment_method_details') IS NULL`,
  );
  const savePayment = db.prepare<[string, string]>('UPDATE payments SET data = ? WHERE id = ?');
  const saveEvent = db.prepare<[string, string]>('UPDATE events SET body = ? WHERE id = ?');
  return db.transaction(() => {
    let payments = 0;
    let events = 0;
    for (const row of oldPayments.all()) {
      const upgraded = upgradePaymentObject(JSON.parse(row.data) as JsonObject);
      if (!upgraded) continue;
      savePayment.run(JSON.stringify(upgraded), row.id);
      payments += 1;
    }
    for (const row of oldEvents.all()) {
      const event = JSON.parse(row.body) as { data: { object: JsonObject } };
      const upgraded = upgradePaymentObject(event.data.object);
      if (!upgraded) continue;
      saveEvent.run(JSON.stringify({ ...event, data: { ...event.data, object: upgraded } }), row.id);
      events += 1;
    }
    return { payments, events };
  }).immediate();
}
