/**
 * The hidden controller frame's message handling: one line to the merchant script, one private line
 * per element and per modal. It owns the publishable key, the API client and every confirm flow; the
 * merchant script only asks (`request`) and is answered (`response`), always, exactly once.
 */
import {
  MerchantToController,
  NOT_INITIALIZED,
  openLine,
  type ControllerCall,
  type ControllerToMerchant,
  type Line,
  type Locale,
  type CallResult,
} from '@soxara/protocol';
import { createApiClient, type ApiClient, type ApiClientConfig } from './api.ts';
import type { ControllerContext } from './context.ts';
import { openElementLine, type ElementLine } from './element-line.ts';
import { createModalRegistry } from './modal-line.ts';
import { createEmitter } from './notifier.ts';
import type { Connectivity } from './wait/connectivity.ts';
import { dispatchCall } from './dispatch.ts';
import { unexpectedError } from './errors.ts';
import { inLocale } from './error-copy.ts';
import { sendPaymentSummary } from './payment-summary.ts';

export interface ControllerEnv {
  apiUrl: string;
  /** The API client's confirm timeout (the JS server's setting); its default otherwise. */
  requestTimeoutMs?: number;
  createApi?: (config: ApiClientConfig) => ApiClient;
  newId?: () => string;
  modalTimeoutMs?: number;
  /** The browser's network state (wait/connectivity.ts); without it the flows take it as always online. */
  connectivity?: Connectivity;
}

export interface Controller {
  /** Called when this frame's own document becomes visible (it follows the top-level page). */
  pageVisible(): void;
  close(): void;
}

export function startController(port: MessagePort, env: ControllerEnv): Controller {
  const newId = env.newId ?? (() => crypto.randomUUID().replace(/-/g, ''));
  const elements = new Map<string, ElementLine>();
  const visible = createEmitter();
  const inFlight = new Map<string, Promise<CallResult>>();
  let api: ApiClient | null = null;
  let locale: Locale = 'en';

  const line: Line<ControllerToMerchant> = openLine<MerchantToController, ControllerToMerchant>(port, MerchantToController, (message, ports) => {
    switch (message.type) {
      case 'init':
        // The first init fixes the key: one controller never serves two accounts.
        locale = message.locale;
        if (!api) {
          const timeout = env.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: env.requestTimeoutMs };
          api = (env.createApi ?? createApiClient)({ apiUrl: env.apiUrl, publishableKey: message.publishableKey, ...timeout });
          // Elements attached before init (a merchant script that does not wait) still get their amount.
          for (const element of elements.values()) sendSummary(element);
        }
        line.send({ type: 'ready' });
        break;
      case 'attach-element':
        attachElement(message.elementId, message.kind, message.clientSecret ?? null, ports[0]);
        break;
      case 'detach-element':
        elements.get(message.elementId)?.close();
        elements.delete(message.elementId);
        break;
      case 'attach-modal':
        if (ports[0]) modals.attach(message.modalId, ports[0]);
        break;
      case 'page-visible':
        visible.emit();
        break;
      case 'request':
        void answer(message.id, message.call);
        break;
    }
  });

  const modals = createModalRegistry({
    sendToMerchant: (message) => line.send(message),
    newId,
    ...(env.modalTimeoutMs === undefined ? {} : { timeoutMs: env.modalTimeoutMs }),
  });

  /**
   * The confirming form's settings; for a call without one (`confirmPayment({ clientSecret,
   * paymentMethod })`), the look of the form configured last, so its modal matches the page's form.
   */
  function settingsFor(call: ControllerCall): ElementLine['settings'] {
    const own = call.method === 'confirm-element' ? elements.get(call.elementId)?.settings : null;
    if (own) return own;
    const configured = [...elements.values()].filter((element) => element.settings);
    const last = configured[configured.length - 1]?.settings;
    return last ? { locale, appearance: last.appearance } : null;
  }

  /** Read when used, not when the call came: a form configured (or updated) meanwhile counts. */
  function context(client: ApiClient, call: ControllerCall): ControllerContext {
    const look = () => {
      const settings = settingsFor(call);
      return { locale: settings?.locale ?? locale, appearance: settings?.appearance };
    };
    return {
      api: client,
      get locale() {
        return look().locale;
      },
      get appearance() {
        return look().appearance;
      },
      apiOrigin: new URL(client.apiUrl).origin,
      openModal: (kind) => modals.open(kind, look()),
      pageVisible: visible,
      ...(env.connectivity ? { connectivity: env.connectivity } : {}),
      element: (elementId) => elements.get(elementId),
      navigate: (url) => line.send({ type: 'redirect', url }),
    };
  }

  function attachElement(elementId: string, kind: 'card' | 'payment', clientSecret: string | null, elementPort: MessagePort | undefined): void {
    if (!elementPort) return;
    elements.get(elementId)?.close();
    const element = openElementLine(elementPort, elementId, kind, clientSecret);
    elements.set(elementId, element);
    sendSummary(element);
  }

  function sendSummary(element: ElementLine): void {
    if (api) void sendPaymentSummary(api, element, { stillAttached: () => elements.get(element.elementId) === element });
  }

  async function answer(id: number, call: ControllerCall): Promise<void> {
    let result: CallResult;
    if (!api) {
      result = { error: { ...NOT_INITIALIZED } };
    } else {
      result = await runOnce(api, call);
    }
    line.send({ type: 'response', id, result });
  }

  /**
   * The double-submit guard: concurrent calls for one payment collapse into the first, and every one
   * gets its result (a double click, or an impatient integration, charges once). Here rather than on
   * the merchant page because this frame makes the charge, whatever version of the script, pinned by
   * SRI, is asking.
   */
  function runOnce(client: ApiClient, call: ControllerCall): Promise<CallResult> {
    const key = call.method === 'retrieve-payment' || !('clientSecret' in call) ? null : call.clientSecret;
    const running = key ? inFlight.get(key) : undefined;
    if (running) return running;
    const ctx = context(client, call);
    const promise = dispatchCall(ctx, call)
      .catch(unexpectedError)
      .then((result) => ('error' in result ? { error: inLocale(result.error, ctx.locale) } : result));
    if (key) {
      inFlight.set(key, promise);
      void promise.finally(() => inFlight.delete(key));
    }
    return promise;
  }

  return {
    pageVisible: () => visible.emit(),
    close() {
      modals.closeAll();
      for (const element of elements.values()) element.close();
      elements.clear();
      line.close();
    },
  };
}
