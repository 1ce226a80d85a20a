/**
 * `<PaymentElement>` and `<CardElement>`: a `<div>` the element's iframe is mounted into once the form
 * of the surrounding `<Elements>` exists. On the server, and until then, the `<div>` is all there is:
 * the placeholder the client hydrates, so no markup differs between the two.
 *
 * Mounting happens in one effect whose cleanup undoes all of it (listeners off, iframe out), so
 * StrictMode's mount → unmount → mount ends with one iframe and one set of listeners. Event handlers
 * are read from the latest props when an event arrives: a new arrow function on every render binds
 * nothing again.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, type ForwardRefExoticComponent, type RefAttributes } from 'react';
import type { ElementEventName, SoxaraCardElement, SoxaraElements, SoxaraMountable } from '@soxara/soxara-js';
import { useElementsContext } from './elements-context.ts';
import { EVENT_PROPS, type ElementProps, type SoxaraElementHandle } from './types.ts';

type Mountable = SoxaraMountable<unknown>;

/** How each component gets its element from the form, and gives it back. */
interface ElementKind {
  displayName: string;
  /** The element to mount: the form itself, or a part made from it. */
  take(elements: SoxaraElements): Mountable;
  /** Undoes `take` once the component unmounts, leaving the form as it was. */
  giveBack(element: Mountable): void;
}

const PAYMENT: ElementKind = {
  displayName: 'PaymentElement',
  take: (elements) => elements,
  // The form belongs to <Elements>: a later <PaymentElement> may mount it again.
  giveBack: (element) => element.unmount(),
};

const CARD: ElementKind = {
  displayName: 'CardElement',
  take: (elements): SoxaraCardElement => elements.create('card'),
  // A form has one card element at a time: destroying this one lets the next mount make its own.
  giveBack: (element) => element.destroy(),
};

function listen(element: Mountable, props: { readonly current: ElementProps }): () => void {
  const detach = Object.entries(EVENT_PROPS).map(([prop, event]) => {
    const handler = (payload: unknown): void => {
      (props.current[prop as keyof typeof EVENT_PROPS] as ((payload: unknown) => void) | undefined)?.(payload);
    };
    const on = element.on as (event: ElementEventName, handler: (payload: unknown) => void) => unknown;
    const off = element.off as typeof on;
    on.call(element, event, handler);
    return () => off.call(element, event, handler);
  });
  return () => detach.forEach((off) => off());
}

export type ElementComponent = ForwardRefExoticComponent<ElementProps & RefAttributes<SoxaraElementHandle>>;

function elementComponent(kind: ElementKind): ElementComponent {
  const Component = forwardRef<SoxaraElementHandle, ElementProps>(function SoxaraElementComponent(props, ref) {
    const { elements } = useElementsContext(`mounts <${kind.displayName}>`);
    const container = useRef<HTMLDivElement>(null);
    const mounted = useRef<Mountable | null>(null);
    const latestProps = useRef(props);
    useEffect(() => {
      latestProps.current = props;
    });

    useEffect(() => {
      if (!elements || !container.current) return;
      const element = kind.take(elements);
      const stopListening = listen(element, latestProps);
      element.mount(container.current);
      mounted.current = element;
      return () => {
        mounted.current = null;
        stopListening();
        kind.giveBack(element);
      };
    }, [elements]);

    useImperativeHandle(
      ref,
      () => ({
        focus: () => void mounted.current?.focus(),
        blur: () => void mounted.current?.blur(),
        clear: () => void mounted.current?.clear(),
      }),
      [],
    );

    return <div id={props.id} className={props.className} ref={container} />;
  });
  Component.displayName = kind.displayName;
  return Component;
}

/**
 * The form of `<Elements>`: card fields, or tabs for card, MoMo and the Soxara wallet when
 * `options.paymentMethods` offers more than cards, with a pay button showing the amount.
 */
export const PaymentElement = elementComponent(PAYMENT);

/** Card fields alone, for a page with its own pay button; `confirmPayment({ elements })` confirms them. */
export const CardElement = elementComponent(CARD);
