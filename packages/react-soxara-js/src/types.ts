/** The public types of the bindings, built on the browser API's own types from `@soxara/soxara-js`. */
import type { ReactNode } from 'react';
import type { ElementEventHandler, SoxaraElementsOptions } from '@soxara/soxara-js';
import type { SoxaraProp } from './soxara-prop.ts';

/**
 * The options of `soxara.elements()`: `{ clientSecret }` of a payment your server created, or the
 * deferred form `{ mode: 'payment', amount, currency }` (mounted before the payment exists; confirm it
 * with `useElements()`'s `submit()` and `confirmPayment({ elements, clientSecret })`), each with
 * `appearance`, `locale`, `paymentMethods` and `confirmParams`.
 */
export type ElementsOptions = SoxaraElementsOptions;

export interface ElementsProps {
  /**
   * The promise `loadSoxara()` returns, or the instance it resolves to. Call `loadSoxara()` once,
   * outside your components (a new promise on every render would be a new prop every render). `null`
   * while there is none yet (server rendering): the Elements render nothing until it is set. Cannot
   * change once set.
   */
  soxara: SoxaraProp;
  /**
   * `clientSecret` and `mode` cannot change once the form is made (give `<Elements>` a new `key` for
   * another payment); `appearance`, `locale` and a deferred form's `amount` and `currency` update the
   * mounted form.
   */
  options: ElementsOptions;
  children?: ReactNode;
}

/** Element events, each as the prop that receives it (`onChange` gets `change`, …). */
export const EVENT_PROPS = {
  onReady: 'ready',
  onChange: 'change',
  onFocus: 'focus',
  onBlur: 'blur',
  onEscape: 'escape',
  onSubmit: 'submit',
  onLoadError: 'loaderror',
} as const;

export type ElementEventProps = {
  [Prop in keyof typeof EVENT_PROPS]?: ElementEventHandler<(typeof EVENT_PROPS)[Prop]>;
};

export interface ElementProps extends ElementEventProps {
  /** Of the `<div>` the element's iframe is mounted in. */
  id?: string;
  className?: string;
}

/** What the `ref` of `<PaymentElement>` and `<CardElement>` can do; nothing until the element is mounted. */
export interface SoxaraElementHandle {
  focus(): void;
  blur(): void;
  /** Empties the fields. */
  clear(): void;
}
