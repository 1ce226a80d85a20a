/**
 * The MoMo, wallet and resume flows against a hand-made controller context: a fake API that holds
 * long polls like the sandbox, and a modal that records what it was told.
 */
import type { ClientPayment, ErrorInfo, ModalView, PaymentError } from '@soxara/protocol';
import { TEST_PHONES } from '@soxara/protocol/test-values';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, ApiResult, ConfirmOptions, PaymentMethodInput, RetrieveOptions } from '../api.ts';
import type { ControllerContext, ModalHandle } from '../context.ts';
import { clientPayment } from '../client-payment.fixture.ts';
import { confirmMomo } from '../confirm-momo.ts';
import { confirmWallet } from '../confirm-wallet.ts';
import { handleNextAction } from '../handle-next-action.ts';
import { createEmitter } from '../notifier.ts';

const clientSecret = 'pi_abc123_secret_xyz789';

class FakeApi implements ApiClient {
  readonly apiUrl = 'http://api.test';
  payment: ClientPayment = clientPayment('requires_payment_method');
  confirms: { method: PaymentMethodInput; key: string }[] = [];
  retrieves = 0;
  confirmAnswer: ((n: number) => ApiResult<ClientPayment> | null) | null = null;
  /** What happens after each confirm: an outcome after a delay, or nothing (never answered). */
  outcome: { afterMs: number; fail?: PaymentError } | null = { afterMs: 2_000 };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  set(patch: Partial<ClientPayment>): void {
    this.payment = { ...this.payment, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  async confirmPayment(_: string, method: PaymentMethodInput, options: ConfirmOptions): Promise<ApiResult<ClientPayment>> {
    this.confirms.push({ method, key: options.idempotencyKey });
    const scripted = this.confirmAnswer?.(this.confirms.length);
    if (scripted) return scripted;
    clearTimeout(this.timer);
    const expiresAt = new Date(Date.now() + 8_000).toISOString();
    const n = this.confirms.length;
    const next_action: ClientPayment['next_action'] =
      method.type === 'momo'
        ? { type: 'momo_pin_prompt', momo_pin_prompt: { provider: method.momo.provider, phone_number_masked: '+231 88*** **57', expires_at: expiresAt, ussd_code: '*156#' } }
        : { type: 'soxara_wallet_approval', soxara_wallet_approval: { universal_link: `http://api.test/simulators/wallet/act_${n}`, app_link: `soxara://pay/act_${n}`, expires_at: expiresAt } };
    this.set({ status: 'requires_action', next_action, last_payment_error: null });
    const outcome = this.outcome;
    if (outcome) {
      this.timer = setTimeout(() => {
        if (outcome.fail) this.set({ status: 'requires_payment_method', next_action: null, last_payment_error: outcome.fail });
        else this.set({ status: 'succeeded', next_action: null });
      }, outcome.afterMs);
    }
    return { ok: true, data: this.payment };
  }

  retrievePayment(_: string, options: RetrieveOptions = {}): Promise<ApiResult<ClientPayment>> {
    this.retrieves += 1;
    return new Promise((resolve) => {
      const answer = () => {
        clearTimeout(timer);
        this.listeners.delete(answer);
        resolve({ ok: true, data: this.payment });
      };
      const timer = setTimeout(answer, (options.waitSeconds ?? 0) * 1000);
      if (!options.waitSeconds || this.payment.status !== options.ifStatus) return answer();
      this.listeners.add(answer);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        this.listeners.delete(answer);
        resolve({ ok: false, error: { type: 'api_connection_error', code: 'request_aborted', message: 'aborted' } });
      });
    });
  }
}

class FakeModal implements ModalHandle {
  views: ModalView[] = [];
  statuses: string[] = [];
  closed = false;
  cancel = new Set<() => void>();
  resend = new Set<() => void>();
  show(view: ModalView) {
    this.views.push(view);
  }
  status(message: string) {
    this.statuses.push(message);
  }
  onCancel(listener: () => void) {
    this.cancel.add(listener);
    return () => void this.cancel.delete(listener);
  }
  onResend(listener: () => void) {
    this.resend.add(listener);
    return () => void this.resend.delete(listener);
  }
  close() {
    this.closed = true;
  }
  press(which: 'cancel' | 'resend') {
    for (const listener of [...this[which]]) listener();
  }
}

function context(api: FakeApi) {
  const modal = new FakeModal();
  const pageVisible = createEmitter();
  const ctx: ControllerContext = {
    api,
    locale: 'en',
    apiOrigin: 'http://api.test',
    openModal: vi.fn(async () => modal),
    pageVisible,
    element: () => undefined,
    navigate: vi.fn(),
  };
  return { ctx, modal, pageVisible };
}

const momo = (phoneNumber: string, provider: 'mtn' | 'orange' = 'mtn') =>
  ({ method: 'confirm-momo', clientSecret, provider, phoneNumber }) as const;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('confirmMomo', () => {
  it('refuses a bad number before any request, naming the field', async () => {
    const api = new FakeApi();
    const { ctx } = context(api);
    for (const number of ['12345', '0770123456' /* Orange number, MTN chosen */, '+14155550123']) {
      const result = await confirmMomo(ctx, momo(number));
      expect(result).toMatchObject({ error: { type: 'validation_error', param: 'phone_number' } });
    }
    expect(api.confirms).toHaveLength(0);
    expect(ctx.openModal).not.toHaveBeenCalled();
  });

  it('sends the normalised number, shows the prompt, and resolves with the payment once approved', async () => {
    const api = new FakeApi();
    const { ctx, modal } = context(api);
    const result = confirmMomo(ctx, momo('088 115-8457'));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(result).resolves.toMatchObject({ paymentIntent: { id: 'pi_abc123', status: 'succeeded' } });
    expect(api.confirms[0]?.method).toEqual({ type: 'momo', momo: { provider: 'mtn', phone_number: '+231881158457' } });
    expect(modal.views[0]).toMatchObject({ kind: 'momo', provider: 'mtn', amount: 1250, ussdCode: '*156#', canResend: true });
    expect(modal.closed).toBe(true);
    expect(api.retrieves).toBeLessThanOrEqual(2);
  });

  it('resolves the payer’s rejection with its code', async () => {
    const api = new FakeApi();
    api.outcome = { afterMs: 2_000, fail: { type: 'momo_error', code: 'approval_rejected', message: 'The customer declined.' } };
    const { ctx } = context(api);
    const result = confirmMomo(ctx, momo(TEST_PHONES.rejected.number));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(result).resolves.toMatchObject({
      error: { type: 'momo_error', code: 'approval_rejected', payment_intent: { id: 'pi_abc123', status: 'requires_payment_method' } },
    });
  });

  it('says "not confirmed yet", never "failed", when the prompt outlives the wait', async () => {
    const api = new FakeApi();
    api.outcome = null;
    const { ctx } = context(api);
    const result = confirmMomo(ctx, momo(TEST_PHONES.expires.number));
    await vi.advanceTimersByTimeAsync(60_000);
    const settled = await result;
    expect(settled).toMatchObject({ error: { code: 'payment_outcome_unknown', payment_intent: { status: 'requires_action' } } });
  });

  it('retries a lost confirm with the same idempotency key, and reports an unknown outcome if it never gets through', async () => {
    const api = new FakeApi();
    const lost: ErrorInfo = { type: 'api_connection_error', code: 'network_error', message: 'offline' };
    api.confirmAnswer = () => ({ ok: false, error: lost });
    const { ctx } = context(api);
    const result = confirmMomo(ctx, momo('0881158457'));
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(result).resolves.toMatchObject({ error: { code: 'payment_outcome_unknown' } });
    expect(api.confirms).toHaveLength(3);
    expect(new Set(api.confirms.map((c) => c.key)).size).toBe(1);
  });

  it('cancels: stops waiting and says the prompt could not be withdrawn when the API cannot cancel it', async () => {
    const api = new FakeApi();
    api.outcome = null;
    const { ctx, modal } = context(api);
    const result = confirmMomo(ctx, momo('0881158457'));
    await vi.advanceTimersByTimeAsync(1_000);
    modal.press('cancel');
    await vi.advanceTimersByTimeAsync(0);
    await expect(result).resolves.toMatchObject({
      error: { type: 'momo_error', code: 'customer_canceled', payment_intent: { status: 'requires_action' } },
    });
    expect(modal.closed).toBe(true);
  });

  it('reports a late approval that beat the cancel as the success it is', async () => {
    const api = new FakeApi();
    api.outcome = null;
    const { ctx, modal } = context(api);
    const result = confirmMomo(ctx, momo('0881158457'));
    await vi.advanceTimersByTimeAsync(1_000);
    modal.press('cancel');
    api.set({ status: 'succeeded', next_action: null });
    await vi.advanceTimersByTimeAsync(0);
    await expect(result).resolves.toMatchObject({ paymentIntent: { status: 'succeeded' } });
  });

  it('sends a new prompt on request, as a new attempt with a new idempotency key', async () => {
    const api = new FakeApi();
    api.outcome = null;
    const { ctx, modal } = context(api);
    const result = confirmMomo(ctx, momo('0881158457'));
    await vi.advanceTimersByTimeAsync(5_000);
    api.outcome = { afterMs: 1_000 };
    modal.press('resend');
    await vi.advanceTimersByTimeAsync(1_100);
    await expect(result).resolves.toMatchObject({ paymentIntent: { status: 'succeeded' } });
    expect(api.confirms).toHaveLength(2);
    expect(api.confirms[0]?.key).not.toBe(api.confirms[1]?.key);
    expect(modal.views).toHaveLength(2);
  });
});

describe('confirmWallet', () => {
  it('shows the links and replaces an expired code with a fresh one', async () => {
    const api = new FakeApi();
    api.outcome = { afterMs: 8_000, fail: { type: 'wallet_error', code: 'prompt_expired', message: 'expired' } };
    const { ctx, modal } = context(api);
    const result = confirmWallet(ctx, { method: 'confirm-wallet', clientSecret });
    await vi.advanceTimersByTimeAsync(8_100);
    expect(api.confirms).toHaveLength(2);
    expect(modal.views[1]).toMatchObject({ kind: 'wallet', appLink: 'soxara://pay/act_2' });
    api.set({ status: 'succeeded', next_action: null });
    await vi.advanceTimersByTimeAsync(0);
    await expect(result).resolves.toMatchObject({ paymentIntent: { status: 'succeeded' } });
  });
});

describe('handleNextAction', () => {
  it('resumes a pending MoMo prompt without sending another', async () => {
    const api = new FakeApi();
    api.outcome = { afterMs: 3_000 };
    await api.confirmPayment(clientSecret, { type: 'momo', momo: { provider: 'mtn', phone_number: '+231881158457' } }, { idempotencyKey: 'k' });
    const { ctx, modal } = context(api);
    const result = handleNextAction(ctx, { method: 'handle-next-action', clientSecret });
    await vi.advanceTimersByTimeAsync(3_100);
    await expect(result).resolves.toMatchObject({ paymentIntent: { status: 'succeeded' } });
    expect(api.confirms).toHaveLength(1);
    expect(modal.views[0]).toMatchObject({ kind: 'momo', canResend: false });
  });

  it('answers at once for a payment that is not waiting', async () => {
    const api = new FakeApi();
    api.set({ status: 'succeeded' });
    const { ctx } = context(api);
    await expect(handleNextAction(ctx, { method: 'handle-next-action', clientSecret })).resolves.toMatchObject({ paymentIntent: { status: 'succeeded' } });
  });
});
