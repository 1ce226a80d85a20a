/** The context `<Elements>` provides, and the hooks that read it. */
import { createContext, useContext } from 'react';
import type { SoxaraElements, SoxaraInstance } from '@soxara/soxara-js';

export interface ElementsContextValue {
  soxara: SoxaraInstance | null;
  elements: SoxaraElements | null;
}

export const ElementsContext = createContext<ElementsContextValue | null>(null);
ElementsContext.displayName = 'SoxaraElementsContext';

export function useElementsContext(useCase: string): ElementsContextValue {
  const context = useContext(ElementsContext);
  if (!context) throw new Error(`Could not find the Elements context: wrap the part of your app that ${useCase} in an <Elements> provider.`);
  return context;
}

/** The Soxara instance, for `confirmPayment()` and friends; null until Soxara.js has loaded. */
export function useSoxara(): SoxaraInstance | null {
  return useElementsContext('calls useSoxara()').soxara;
}

/** The form of `<Elements>`, for `confirmPayment({ elements })`; null until Soxara.js has loaded. */
export function useElements(): SoxaraElements | null {
  return useElementsContext('calls useElements()').elements;
}
