/**
 * `Soxara(publishableKey, options)`: checks the key before anything leaves the page, and hands out
 * elements groups and the confirm calls, all of which travel to the hidden controller frame over its
 * port. The controller connection is made on first use (`elements()` or a call); its frame loads once
 * an element is ready or a call needs it (see controller.ts).
 */
import type { ELEMENTS_NOT_SUBMITTED, Locale } from '@soxara/protocol';
import { ControllerConnection } from './controller.ts';
import { CUSTOMER_WAIT_MS, confirmTarget, mountedId, followRedirect, type ConfirmData } from './confirm.ts';
import { ElementsGroup } from './elements.ts';
import { IntegrationError } from './errors.ts';
import { ModalHost } from './modal-host.ts';
import { checkClientSecret, checkDeferred, checkPublishableKey, pageLanguages, resolveLocale } from './options.ts';
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
    attach: (elementId: string, kind: 'card' | 'payment', clientSecret: string | undefined, port: MessagePort) =>
      controller().send({ type: 'attach-element', elementId, kind, clientSecret }, [port]),
    detach: (elementId: string) => controller().send({ type: 'detach-element', elementId }),
    elementReady: () => controller().start(),
    confirmFromSubmit: (group: ElementsGroup) => {
      // A deferred form has no payment to confirm yet: its submit only informs.
      if (group.confirmParams && group.clientSecret) void soxara.confirmPayment({ elements: group, confirmParams: group.confirmParams });
    },
    // Async: an IntegrationError (nothing mounted) rejects, as every call of this API does.
    run: async (group: ElementsGroup, method: 'submit-element' | 'fetch-updates', where: string) => {
      const { error } = await controller().call({ method, elementId: mountedId(group, where) }, RETRIEVE_TIMEOUT_MS);
      return error ? { error } : {};
    },
  };

  const soxara: SoxaraInstance = {
    elements(elementsOptions: SoxaraElementsOptions) {
      if (typeof elementsOptions !== 'object' || elementsOptions === null) {
        throw new IntegrationError('elements(): pass { clientSecret } — the client_secret of a payment your server created.');
      }
      // Deferred (`mode: 'payment'`): no payment yet, so no client secret; its amount goes to the frames.
      const deferred = elementsOptions.mode !== undefined;
      if (deferred) checkDeferred(elementsOptions, 'elements()');
      const clientSecret = deferred ? undefined : checkClientSecret(elementsOptions.clientSecret, 'elements()');
      const returnUrl = elementsOptions.confirmParams?.return_url;
      if (returnUrl !== undefined && !safeNavigationUrl(returnUrl)) {
        throw new IntegrationError('elements(): confirmParams.return_url must be an absolute http(s) URL.');
      }
      const group = new ElementsGroup(owner, clientSecret, { ...elementsOptions }, returnUrl === undefined ? undefined : { return_url: returnUrl });
      groups.add(group);
      controller();
      return group;
    },

    // Async, so that misuse (an IntegrationError) rejects rather than throws.
    async confirmPayment(data: ConfirmData): Promise<never> {
      const { call, returnUrl } = confirmTarget(data, (group) => groups.has(group));
      const result = await controller().call(call, CUSTOMER_WAIT_MS);
      // Found by the frames, which hold a deferred form's submit state: still the merchant's code at fault.
      const code = result.error?.code;
      if (code === ('elements_not_submitted' satisfies typeof ELEMENTS_NOT_SUBMITTED.code)) throw new IntegrationError(result.error!.message, code);
      return (followRedirect(result, returnUrl, call.clientSecret) ?? result) as never;
    },

    async retrievePaymentIntent(clientSecret: string) {
      return controller().call({ method: 'retrieve-payment', clientSecret: checkClientSecret(clientSecret, 'retrievePaymentIntent()') }, RETRIEVE_TIMEOUT_MS);
    },

    async handleNextAction(data: { clientSecret: string }) {
      return controller().call({ method: 'handle-next-action', clientSecret: checkClientSecret(data?.clientSecret, 'handleNextAction()') }, CUSTOMER_WAIT_MS);
    },
  };
  return soxara;
}
