/**
 * Waits, inside a Soxara element frame, until the frame's pay guard would let a pointer click on
 * `element` through: on screen and unmoved for `PAY_GUARD.steadyMs` (@soxara/protocol), as the frame
 * itself sees it. An IntersectionObserver v2 with the guard's options, counting from a report that the
 * button is visible and starting again at one that it is not, or when the frame's width changes.
 * Firefox ignores the v2 options and reports plain intersection, exactly as it does to the guard.
 *
 * Playwright's and puppeteer's `evaluate` send the function as source, so it must not use anything
 * from its module; that is also why it serves both engines.
 */
export interface SteadyOptions {
  steadyMs: number;
  minRatio: number;
  timeoutMs: number;
}

export function steadyOnScreen(element: Element, { steadyMs, minRatio, timeoutMs }: SteadyOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let visible = false;
    let width = window.innerWidth;
    let steady: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: () => void) => {
      clearTimeout(steady);
      clearTimeout(giveUp);
      observer.disconnect();
      window.removeEventListener('resize', onResize);
      outcome();
    };
    const startOver = () => {
      clearTimeout(steady);
      if (visible) steady = setTimeout(() => finish(resolve), steadyMs);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        visible = entry.intersectionRatio >= minRatio && entry.isVisible !== false;
        startOver();
      },
      { threshold: minRatio, trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    const onResize = () => {
      if (window.innerWidth !== width) startOver();
      width = window.innerWidth;
    };
    const giveUp = setTimeout(() => finish(() => reject(new Error(`the pay button was not in plain view for ${steadyMs} ms within ${timeoutMs} ms`))), timeoutMs);
    window.addEventListener('resize', onResize);
    observer.observe(element);
  });
}
