/**
 * Seconds left until an ISO instant, ticking once a second (the MoMo prompt's and the wallet code's
 * `expires_at`). Shared by both approval views. Recomputed from the clock each tick, so a frozen
 * background tab shows the right value the moment it is visible again.
 */
import { useEffect, useState } from 'preact/hooks';

export function secondsLeft(expiresAt: string, now: number): number {
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : 0;
}

export function useCountdown(expiresAt: string): number {
  const [left, setLeft] = useState(() => secondsLeft(expiresAt, Date.now()));
  useEffect(() => {
    setLeft(secondsLeft(expiresAt, Date.now()));
    const timer = setInterval(() => setLeft(secondsLeft(expiresAt, Date.now())), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return left;
}

/** `m:ss`. */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
