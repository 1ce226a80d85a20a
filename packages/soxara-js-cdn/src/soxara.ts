/**
 * `Soxara(publishableKey, options)`: checks the key before anything leaves the page, and hands out
 * elements groups and the confirm calls, all of which travel to the hidden controller frame over its
 * port. The controller connection is made on first use (`elements()` or a call); its frame loads once
 * an element is ready or a call needs it (see controller.ts).
 */
import type { Locale } from '@soxara/protocol';
import { ControllerConnection } from './controller.ts';
import { CUSTOMER_WAIT_MS, confirmTarget, followRedirect, type ConfirmData } from './confirm.ts';
import { ElementsGroup } from './elements.ts';
import { IntegrationError } from './errors.ts';
import { ModalHost } from './modal-host.ts';
import { checkClientSecret, checkPublishableKey, pageLanguages, resolveLocale } from './options.ts';
import { safeNavigationUrl } from './redirect.ts';
import type { SoxaraElementsOptions, SoxaraInstance, SoxaraOptions } from '@soxara/soxara-js';

const RETRIEVE_TIMEOUT_MS = 30_000;

export function createSoxara(jsOrigin: string, publishableKey: string, options: SoxaraOptions = {}): SoxaraInstance {
  checkPublishableKey(publishableKey, location);
  if (!/^https?:$/.test(location.protocol)) throw new IntegrationError('Soxara(): serve this page over http(s); file: pages cannot host payment frames.');
  const locale: Locale = resolveLocale(options.locale ?? 'auto', 'en', pageLanguages());

  const modals: ModalHost = new ModalHost(jsOrigin, (modalId, port) => controller().send({ type: 'attach-modal', modalId }, [port]));
  // A page that loads Soxara.js everywhere (as Stripe advises) pays for the hidden frame only where
  // it takes a payment; on a checkout page elements() follows Soxara() at once.
  let connection: ControllerConnection | null = null;
  const controller = (): ControllerConnection =>
    (connection ??= new ControllerConnection(jsOrigin, publishableKey, locale, {
      openModal: (modalId) => modals.show(modalId),
      closeModal: (modalId) => modals.close(modalId),
    }));

  const pageVisible = (): void => {
    if (document.visibilityState === 'visible') connection?.send({ type: 'page-visible' });
  };
  document.addEventListener('visibilitychange', pageVisible);
  window.addEventListener('pageshow', pageVisible);
  window.addEventListener('focus', pageVisible);

  const groups = new WeakSet<ElementsGroup>();

  const owner = {
    jsOrigin,
    locale,
    attach: (elementId: string, kind: 'card' | 'payment', clientSecret: string, port: MessagePort) =>
      controller().send({ type: 'attach-element', elementId, kind, clientSecret }, [port]),
    detach: (elementId: string) => controller().send({ type: 'detach-element', elementId }),
    elementReady: () => controller().start(),
    confirmFromSubmit: (group: ElementsGroup) => {
      if (group.confirmParams) void soxara.confirmPayment({ elements: group, confirmParams: group.confirmParams });
    },
  };

  const soxara: SoxaraInstance = {
    elements(elementsOptions: SoxaraElementsOptions) {
      if (typeof elementsOptions !== 'object' || elementsOptions === null) {
        throw new IntegrationError('elements(): pass { clientSecret } — the client_secret of a payment your server created.');
      }
      const clientSecret = checkClientSecret(elementsOptions.clientSecret, 'elements()');
      const returnUrl = elementsOptions.confirmParams?.return_url;
      if (returnUrl !== undefined && !safeNavigationUrl(returnUrl)) {
        throw new IntegrationError('elements(): confirmParams.return_url must be an absolute http(s) URL.');
      }
      const group = new ElementsGroup(owner, clientSecret, { ...elementsOptions }, returnUrl === undefined ? undefined : { return_url: returnUrl });
      groups.add(group);
      controller();
      return group;
    },

    confirmPayment(data: ConfirmData): Promise<never> {
      let target;
      try {
        target = confirmTarget(data, (group) => groups.has(group));
      } catch (error) {
        return Promise.reject(error);
      }
      const { call, returnUrl } = target;
      return controller()
        .call(call, CUSTOMER_WAIT_MS)
        .then((result) => followRedirect(result, returnUrl, call.clientSecret) ?? result) as Promise<never>;
    },

    retrievePaymentIntent(clientSecret: string) {
      try {
        checkClientSecret(clientSecret, 'retrievePaymentIntent()');
      } catch (error) {
        return Promise.reject(error);
      }
      return controller().call({ method: 'retrieve-payment', clientSecret }, RETRIEVE_TIMEOUT_MS);
    },

    handleNextAction(data: { clientSecret: string }) {
      let clientSecret: string;
      try {
        clientSecret = checkClientSecret(data?.clientSecret, 'handleNextAction()');
      } catch (error) {
        return Promise.reject(error);
      }
      return controller().call({ method: 'handle-next-action', clientSecret }, CUSTOMER_WAIT_MS);
    },
  };
  return soxara;
}
