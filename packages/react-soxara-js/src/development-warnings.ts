/**
 * Warnings about props that cannot change, shown in development only and once per `<Elements>` and
 * subject, so that a checkout re-rendering on every keystroke does not flood the console.
 */
import { useCallback, useRef } from 'react';

function isDevelopment(): boolean {
  try {
    // Bundlers replace this expression (React itself relies on it); `process` is not defined in a
    // browser without one, where we would rather warn than stay silent.
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

export type WarnOnce = (subject: string, message: string) => void;

export function useWarnOnce(): WarnOnce {
  const warned = useRef<Set<string> | null>(null);
  return useCallback((subject: string, message: string) => {
    warned.current ??= new Set();
    if (warned.current.has(subject) || !isDevelopment()) return;
    warned.current.add(subject);
    console.warn(message);
  }, []);
}
