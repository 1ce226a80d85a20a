/**
 * The controller's end of an element frame's private line. Card data arrives here, and only here,
 * as the answer to `collect-card`; nothing on this line ever reaches the merchant page.
 */
import { ELEMENT_UNAVAILABLE, ElementToController, PendingRequests, openLine, type ControllerToElement, type Line } from '@soxara/protocol';
import type { CollectCardResult, ElementHandle, ValidateResult } from './context.ts';

/** The customer has had the form in front of them; a frame that cannot answer within this is gone. */
const COLLECT_TIMEOUT_MS = 5_000;

export interface ElementLine extends ElementHandle {
  close(): void;
}

export function openElementLine(port: MessagePort, elementId: string, kind: 'card' | 'payment', clientSecret: string | null): ElementLine {
  const pending = new PendingRequests<CollectCardResult>();
  const checks = new PendingRequests<ValidateResult>();
  let momoDetails: ElementHandle['momoDetails'] = null;
  let selectedMethod: ElementHandle['selectedMethod'] = null;
  let settings: ElementHandle['settings'] = null;
  const line: Line<ControllerToElement> = openLine<ElementToController, ControllerToElement>(port, ElementToController, (message) => {
    switch (message.type) {
      case 'card-collected':
        pending.settle(message.id, message.result);
        break;
      case 'momo-details':
        momoDetails = { provider: message.provider, phoneNumber: message.phoneNumber };
        break;
      case 'element-settings':
        settings = { locale: message.locale, appearance: message.appearance, amount: message.amount, currency: message.currency };
        break;
      case 'validated':
        checks.settle(message.id, message.result);
        break;
      case 'method-selected':
        selectedMethod = message.method;
        break;
    }
  });
  return {
    elementId,
    kind,
    clientSecret,
    get momoDetails() {
      return momoDetails;
    },
    get selectedMethod() {
      return selectedMethod;
    },
    get settings() {
      return settings;
    },
    submitted: false,
    send: (message) => line.send(message),
    async validate() {
      try {
        return await checks.request((id) => line.send({ type: 'validate', id }), COLLECT_TIMEOUT_MS);
      } catch {
        return { error: { ...ELEMENT_UNAVAILABLE } };
      }
    },
    async collectCard() {
      try {
        return await pending.request((id) => line.send({ type: 'collect-card', id }), COLLECT_TIMEOUT_MS);
      } catch {
        return { error: { ...ELEMENT_UNAVAILABLE } };
      }
    },
    close() {
      pending.rejectAll(new Error('element detached'));
      checks.rejectAll(new Error('element detached'));
      line.close();
    },
  };
}
