/**
 * `@soxara/react-soxara-js`: Soxara.js for React. Load the script with `loadSoxara()` from
 * `@soxara/soxara-js` (the one way to load it), hand the promise to `<Elements>`, and render
 * `<PaymentElement>` or `<CardElement>` inside.
 */
export { Elements } from './Elements.tsx';
export { CardElement, PaymentElement, type ElementComponent } from './element-components.tsx';
export { useElements, useSoxara } from './elements-context.ts';
export type { ElementEventProps, ElementProps, ElementsOptions, ElementsProps, SoxaraElementHandle } from './types.ts';
export type { SoxaraProp } from './soxara-prop.ts';
