/**
 * The demo shop as the end-to-end tests drive it: a page object for the customer's path and reads of
 * the shop's own records (its JSON route), which is where the guide's tests look for the truth.
 */
import { expect, type Page } from '@playwright/test';
import type { Order, RefundRow } from '../src/db.ts';

export interface OrderRecord extends Order {
  refunds: RefundRow[];
  events: Array<{ event_id: string; type: string; processed_at: string }>;
}

export interface DeliveryRecord {
  id: number;
  event_id: string;
  event_type: string;
  signature: string;
  body: string;
  outcome: 'processed' | 'duplicate';
}

export class DemoShop {
  /** Server-side calls use the address the shop binds (Node may resolve localhost to ::1 first). */
  readonly serverUrl: string;

  constructor(readonly baseUrl: string) {
    this.serverUrl = baseUrl.replace('://localhost', '://127.0.0.1');
  }

  /** Orders one bag from the shop page and lands on the checkout; returns the order number. */
  async placeOrder(page: Page, quantity = 1): Promise<number> {
    await page.goto(`${this.baseUrl}/`);
    await page.getByLabel('Quantity').selectOption(String(quantity));
    await page.getByLabel('Email for the receipt').fill('customer@example.com');
    await page.getByRole('button', { name: 'Order and pay' }).click();
    await page.waitForURL(/\/orders\/\d+\/checkout$/);
    const id = Number(/\/orders\/(\d+)\/checkout$/.exec(page.url())?.[1]);
    await expect(page.getByRole('heading', { name: `Pay for order #${id}` })).toBeVisible();
    return id;
  }

  async order(id: number): Promise<OrderRecord> {
    const response = await fetch(`${this.serverUrl}/api/orders/${id}`);
    if (!response.ok) throw new Error(`GET /api/orders/${id}: HTTP ${response.status}`);
    return (await response.json()) as OrderRecord;
  }

  /** Waits until the shop's database shows `status` for the order (i.e. the webhook has been processed). */
  async waitForStatus(id: number, status: Order['status'], timeout = 15_000): Promise<OrderRecord> {
    await expect.poll(async () => (await this.order(id)).status, { timeout, message: `order ${id} should become ${status}` }).toBe(status);
    return this.order(id);
  }

  async deliveries(id: number): Promise<DeliveryRecord[]> {
    const response = await fetch(`${this.serverUrl}/api/orders/${id}/webhook-deliveries`);
    return ((await response.json()) as { data: DeliveryRecord[] }).data;
  }

  /** Posts a delivery to the shop's webhook endpoint exactly as Soxara does. */
  async deliver(body: string, signature: string): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.serverUrl}/webhooks/soxara`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Soxara-Signature': signature },
      body,
    });
    return { status: response.status, json: await response.json() };
  }
}
