/** The few sandbox API calls the bench makes from Node with the secret key (the merchant server's side). */
import { benchStack } from './stack.ts';

export interface CreatedPayment {
  id: string;
  client_secret: string;
  status: string;
}

export async function createPayment(amount = 1250): Promise<CreatedPayment> {
  return call<CreatedPayment>('POST', '/v1/payments', { amount, currency: 'USD', description: 'bench' });
}

export async function retrievePayment(id: string): Promise<{ id: string; status: string }> {
  return call('GET', `/v1/payments/${id}`);
}

export async function approvePayment(id: string): Promise<void> {
  await call('POST', `/v1/test_helpers/payments/${id}/approve`, {});
}

/** Polls (from the bench, not the SDK) until the payment reaches `status`. */
export async function waitForStatus(id: string, status: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const payment = await retrievePayment(id);
    if (payment.status === status) return;
    if (Date.now() > deadline) throw new Error(`payment ${id} stayed ${payment.status}, never ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Account {
  id: string;
  publishable_key: string;
  secret_key: string;
}

/** A further isolated account: no webhook endpoints, so load on it measures the API alone. */
export async function createAccount(): Promise<Account> {
  return call<Account>('POST', '/v1/test_helpers/accounts', {}, null);
}

async function call<T>(method: string, path: string, body?: unknown, key: string | null = benchStack.secretKey): Promise<T> {
  const response = await fetch(`${benchStack.apiUrl}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json()) as { success: boolean; data?: T; error?: { message: string } };
  if (!json.success) throw new Error(`${method} ${path}: ${response.status} ${json.error?.message ?? ''}`);
  return json.data as T;
}
