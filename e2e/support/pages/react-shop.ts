/**
 * The React shop (apps/react-demo) as the customer drives it: its own pages, and the demo shop's
 * reads of the shop's records, since its server keeps its orders with the demo's code.
 */
import { expect, type Page } from '@playwright/test';
import { DemoShop } from '../../../apps/demo/test/shop-page.ts';
import { CardFrame, FRAME_TITLES } from './card-frame.ts';

export class ReactShop extends DemoShop {
  /** Orders from the shop page and waits for the checkout's payment form; returns the order number. */
  override async placeOrder(page: Page, quantity = 1): Promise<number> {
    await page.goto(`${this.baseUrl}/`);
    await page.getByLabel('Quantity').selectOption(String(quantity));
    await page.getByLabel('Email').fill('customer@example.com');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(/\/orders\/\d+\/checkout$/);
    const id = Number(/\/orders\/(\d+)\/checkout$/.exec(page.url())?.[1]);
    await expect(page.getByRole('heading', { name: `Pay for order #${id}` })).toBeVisible();
    return id;
  }

  /** The `<PaymentElement>`'s frame: the tabbed form. */
  paymentElement(page: Page): CardFrame {
    return new CardFrame(page, FRAME_TITLES.payment);
  }

  /** The `pi_…` the order's checkout made (the server saves it before answering the checkout). */
  async paymentId(orderId: number): Promise<string> {
    await expect.poll(async () => (await this.order(orderId)).payment_id, { message: `order ${orderId} should have its payment` }).not.toBeNull();
    return (await this.order(orderId)).payment_id!;
  }
}
