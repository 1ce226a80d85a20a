/**
 * `<Elements soxara options>`: makes the form (`soxara.elements(options)`) once Soxara.js is there,
 * and provides it and the instance to the element components and hooks below.
 *
 * The form is made in an effect, never during render: render stays pure (StrictMode renders twice,
 * a server renders without Soxara), and an effect cleaned up before the instance arrived (StrictMode's
 * simulated unmount, a checkout left early) makes nothing. Option changes after that go to
 * `elements.update()` where the form can take them. The client secret cannot change: that is warned
 * about, as react-stripe-js does, rather than answered with a silent remount that would throw away
 * what the customer typed.
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { ElementUpdateOptions, SoxaraElements, SoxaraInstance } from '@soxara/soxara-js';
import { useWarnOnce } from './development-warnings.ts';
import { ElementsContext, type ElementsContextValue } from './elements-context.ts';
import { optionsChanges } from './options-changes.ts';
import { parseSoxaraProp, resolveSoxaraProp, type SoxaraProp } from './soxara-prop.ts';
import type { ElementsOptions, ElementsProps } from './types.ts';

type ElementsState =
  /** No instance yet: a `null` prop, or a promise still pending. */
  | { status: 'waiting' }
  /** The promise rejected (the script could not load): nothing of Soxara's is shown. */
  | { status: 'unavailable' }
  | { status: 'ready'; soxara: SoxaraInstance; elements: SoxaraElements; madeFrom: SoxaraProp }
  /** `elements()` refused the options (an IntegrationError): thrown from render, to an error boundary. */
  | { status: 'misused'; error: unknown };

const NOTHING_YET: ElementsContextValue = { soxara: null, elements: null };

export function Elements({ soxara, options, children }: ElementsProps): ReactElement {
  const parsed = useMemo(() => parseSoxaraProp(soxara), [soxara]);
  const [state, setState] = useState<ElementsState>({ status: 'waiting' });
  const warnOnce = useWarnOnce();

  // The options at the moment the instance arrives, which may be renders after the effect started.
  const latestOptions = useRef(options);
  useEffect(() => {
    latestOptions.current = options;
  });
  /** The options the form has now: those it was made with, plus the updates sent to it. */
  const applied = useRef<ElementsOptions | null>(null);

  const settled = state.status === 'ready' || state.status === 'misused';
  useEffect(() => {
    if (settled) return;
    let current = true;
    resolveSoxaraProp(parsed).then(
      (instance) => {
        if (!current || instance === null) return;
        const made = latestOptions.current;
        let elements: SoxaraElements;
        try {
          elements = instance.elements(made);
        } catch (error) {
          setState({ status: 'misused', error });
          return;
        }
        applied.current = made;
        setState({ status: 'ready', soxara: instance, elements, madeFrom: soxara });
      },
      (error: unknown) => {
        if (!current) return;
        console.error('<Elements>: Soxara.js is not available, so no payment form is shown.', error);
        setState({ status: 'unavailable' });
      },
    );
    return () => {
      current = false;
    };
    // `parsed` stands for `soxara`; the options are read when the instance arrives, not when asked for.
  }, [parsed, settled]);

  useEffect(() => {
    if (state.status === 'ready' && soxara !== state.madeFrom) {
      warnOnce('soxara', 'Unsupported prop change on <Elements>: the `soxara` prop cannot change once it is set. Call loadSoxara() once, outside your components.');
    }
  }, [state, soxara, warnOnce]);

  useEffect(() => {
    if (state.status !== 'ready' || applied.current === null) return;
    const { update, fixed } = optionsChanges(applied.current, options);
    for (const key of fixed) {
      warnOnce(
        `options.${key}`,
        `Unsupported prop change on <Elements>: options.${key} cannot change once the form is made. For another payment, render <Elements> with a new \`key\` so that it makes a new form.`,
      );
    }
    // A deferred form's amount and currency come with it; an instance without update() keeps its form as made.
    if (update && typeof state.elements.update === 'function') {
      state.elements.update(update as ElementUpdateOptions);
      applied.current = { ...applied.current, ...update };
    }
  }, [state, options, warnOnce]);

  const value = useMemo<ElementsContextValue>(
    () => (state.status === 'ready' ? { soxara: state.soxara, elements: state.elements } : NOTHING_YET),
    [state],
  );
  if (state.status === 'misused') throw state.error;
  return <ElementsContext.Provider value={value}>{children}</ElementsContext.Provider>;
}
