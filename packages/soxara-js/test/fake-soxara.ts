/** Plays the browser's part: the script "arrives" (window.Soxara is defined) and `load` or `error` fires. */
import type { SoxaraConstructor, SoxaraInstance } from '../src/types.ts';

export interface FakeSoxara {
  Soxara: SoxaraConstructor;
  calls: unknown[][];
}

export function fakeSoxara(): FakeSoxara {
  const calls: unknown[][] = [];
  const Soxara = Object.assign((...args: unknown[]) => {
    calls.push(args);
    return { kind: 'instance', args } as unknown as SoxaraInstance;
  }, { version: 'test' }) as SoxaraConstructor;
  return { Soxara, calls };
}

export function soxaraScripts(): HTMLScriptElement[] {
  return Array.from(document.querySelectorAll<HTMLScriptElement>('script')).filter((s) => s.src.includes('/v1'));
}

export function finishLoading(script: HTMLScriptElement, Soxara: SoxaraConstructor): void {
  (window as { Soxara?: SoxaraConstructor }).Soxara = Soxara;
  script.dispatchEvent(new Event('load'));
}

export function failLoading(script: HTMLScriptElement): void {
  script.dispatchEvent(new Event('error'));
}

export function resetPage(): void {
  delete (window as { Soxara?: SoxaraConstructor }).Soxara;
  for (const script of Array.from(document.querySelectorAll('script'))) script.remove();
}

export const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
