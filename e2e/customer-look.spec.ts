/**
 * What the customer reads and sees (issue 15): the outcome of a payment in their words and the form's
 * locale, `locale: 'auto'` following the shop's `<html lang>`, amounts that say which dollar they are,
 * and the modals dressed in the form's appearance — night theme included, still accessible — with
 * `appearance.rules` limited to its allowlist. The page is a French shop (look.html, `<html lang="fr">`)
 * in an English browser (Playwright's en-US), so `auto` proves which of the two it followed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TEST_PHONES } from '../packages/testing/src/test-values.ts';
import { clickPayButton, FRAME_TITLES } from './support/pages/card-frame.ts';
import { holdStatusChecks } from './support/hold-status-checks.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';

interface Result {
  paymentIntent?: { id: string; status: string };
  error?: { type: string; code: string; message: string; doc_url?: string };
}

type Options = Record<string, unknown>;

async function mount(page: Page, soxaraOptions: Options, elementsOptions: Options = {}, query: Record<string, string> = {}) {
  const { paymentId } = await openCheckout(page, 'look', query);
  await page.evaluate(([a, b]) => (window as unknown as { __mount(a: Options, b: Options): void }).__mount(a, b), [soxaraOptions, elementsOptions] as const);
  const form = page.frameLocator(`iframe[title="${FRAME_TITLES.payment}"]`);
  const modal = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  const result = async (): Promise<Result> => {
    await expect.poll(() => page.evaluate(() => (window as unknown as { __look: { results: Result[] } }).__look.results.length), { timeout: 30_000 }).toBe(1);
    return page.evaluate(() => (window as unknown as { __look: { results: Result[] } }).__look.results[0]!);
  };
  return { paymentId, form, modal, result };
}

test("locale 'auto' follows the shop's <html lang=\"fr\"> over the English browser, and the button says US$", async ({ page }) => {
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  const { form } = await mount(page, { locale: 'auto' });
  await expect(form.getByRole('tab', { name: 'Carte' })).toBeVisible();
  await expect(form.getByRole('button', { name: /^Payer/ })).toHaveText(/^Payer 12,50\s\$US$/);
});

test('a rejected MoMo prompt reads in French for the customer, once, with the codes and doc_url for the developer', async ({ page }) => {
  const { paymentId, form, modal, result } = await mount(page, { locale: 'auto' });
  await form.getByRole('tab', { name: 'Mobile money' }).click();
  await form.getByLabel('Numéro mobile').fill(TEST_PHONES.rejected);
  await clickPayButton(form);
  await expect(modal.getByRole('dialog', { name: 'Approuvez sur votre téléphone' })).toContainText(/12,50\s\$US/, { timeout: 15_000 });

  const french = "La demande de paiement a été refusée sur votre téléphone. Aucun montant n'a été prélevé. Vous pouvez réessayer.";
  expect((await result()).error).toEqual(
    expect.objectContaining({
      type: 'momo_error',
      code: 'approval_rejected',
      message: french,
      doc_url: 'https://github.com/soxara/soxara-js/blob/main/docs/errors.md#approval_rejected',
    }),
  );
  // The form shows it under its button; the developer's sentence reaches no one.
  await expect(form.getByRole('alert')).toHaveText(french);
  await expect(page.locator('body')).not.toContainText('declined the MoMo PIN prompt');
  expect((await serverPayment(paymentId)).last_payment_error?.code).toBe('approval_rejected');
});

test('amounts name their dollar: L$ on the button and in the MoMo dialog, with "an MTN MoMo" request', async ({ page }) => {
  const release = await holdStatusChecks(page);
  const { form, modal } = await mount(page, { locale: 'en' }, {}, { amount: '125000', currency: 'LRD' });
  await expect(form.getByRole('button', { name: /^Pay/ })).toHaveText('Pay L$1,250.00');
  await form.getByRole('tab', { name: 'Mobile money' }).click();
  await form.getByLabel('Mobile number').fill(TEST_PHONES.expires);
  await clickPayButton(form);
  const dialog = modal.getByRole('dialog', { name: 'Approve on your phone' });
  await expect(dialog).toContainText('We sent an MTN MoMo payment request of L$1,250.00', { timeout: 15_000 });
  await expect(dialog).not.toContainText(/(^|[^LS])\$\d/);
  await modal.getByRole('button', { name: 'Cancel payment' }).click();
  release();
});

test('night theme on the MoMo dialog: dark, like the form, and axe finds 0 violations in it', async ({ page }) => {
  test.setTimeout(150_000);
  const release = await holdStatusChecks(page);
  const { form, modal } = await mount(page, { locale: 'en' }, { appearance: { theme: 'night' } });
  await form.getByRole('tab', { name: 'Mobile money' }).click();
  await form.getByLabel('Mobile number').fill(TEST_PHONES.expires);
  await clickPayButton(form);
  const dialog = modal.getByRole('dialog', { name: 'Approve on your phone' });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  expect(await dialog.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 36, 51)');
  expect(await dialog.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(230, 232, 239)');

  // As in a11y.spec.ts: on a loaded machine axe may not enter a frame on its first run; a run that
  // audited nothing inside the dialog's frame is repeated, never counted.
  const axe = () => new AxeBuilder({ page }).include(`iframe[title="${FRAME_TITLES.modal}"]`).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const contrastChecked = (a: Awaited<ReturnType<typeof axe>>) => [...a.passes, ...a.violations].some((rule) => rule.id === 'color-contrast' && rule.nodes.some((node) => node.target.length > 1));
  let analysis = await axe();
  for (let retry = 0; retry < 6 && !contrastChecked(analysis); retry++) {
    await page.waitForTimeout(1_000);
    analysis = await axe();
  }
  expect(contrastChecked(analysis), 'axe checked the contrast inside the dialog').toBe(true);
  expect(analysis.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`)).toEqual([]);
  await modal.getByRole('button', { name: 'Cancel payment' }).click();
  release();
});

test("theme 'auto' follows prefers-color-scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const { form } = await mount(page, { locale: 'en' }, { appearance: { theme: 'auto' } });
  const input = form.getByLabel('Card number');
  await expect.poll(() => input.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 36, 51)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => input.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('appearance.rules: allowlisted rules apply; a selector or property outside it is ignored with one console warning', async ({ page }) => {
  const warnings: string[] = [];
  // The frames' console messages reach the page's listener, as DevTools shows them beside the page's.
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('appearance.rules')) warnings.push(message.text());
  });
  const { form } = await mount(page, { locale: 'en' }, {
    appearance: {
      rules: {
        '.Input': { color: 'rgb(1, 2, 3)', position: 'fixed' },
        '.Tab--selected': { borderColor: 'rgb(200, 0, 0)' },
        body: { display: 'none' },
      },
    },
  });
  const input = form.getByLabel('Card number');
  await expect.poll(() => input.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(1, 2, 3)');
  expect(await input.evaluate((el) => getComputedStyle(el).position)).not.toBe('fixed');
  expect(await form.locator('body').evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
  expect(await form.getByRole('tab', { name: 'Card' }).evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(200, 0, 0)');
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toContain('.Input { position }');
  expect(warnings[0]).toContain('body');
  // Re-styling keeps to one warning per frame.
  await page.waitForTimeout(300);
  expect(warnings).toHaveLength(1);
});
