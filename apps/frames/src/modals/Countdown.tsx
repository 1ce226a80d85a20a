/**
 * The time left on a pending approval (the MoMo prompt's and the wallet code's `expires_at`), as a
 * `role="timer"` line that ticks once a second. Recomputed from the clock on each tick, so a frozen
 * background tab shows the right value the moment it is visible again.
 */
import { useEffect, useState } from 'preact/hooks';
import { fill } from '../shared/copy.ts';
import './countdown.css';

interface Props {
  expiresAt: string;
  /** With a `{time}` hole, e.g. "The request expires in {time}". */
  running: string;
  /** Once the time is up. */
  over: string;
}

export function Countdown({ expiresAt, running, over }: Props) {
  const left = useSecondsLeft(expiresAt);
  return (
    <p class="sx-countdown" role="timer" aria-atomic="true">
      {left > 0 ? fill(running, { time: formatCountdown(left) }) : over}
    </p>
  );
}

export function secondsLeft(expiresAt: string, now: number): number {
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : 0;
}

function useSecondsLeft(expiresAt: string): number {
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
