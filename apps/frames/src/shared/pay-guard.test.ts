import { describe, expect, it } from 'vitest';
import { BLINK_MS, createPayGuard, STEADY_MS, VIEWPORT_CHECK_MS, type PayGuardEnv } from './pay-guard.ts';

/** An IntersectionObserver the test drives: `report` delivers entries as the browser would. */
class FakeObserver {
  static last: FakeObserver;
  readonly targets = new Set<Element>();
  pending: IntersectionObserverEntry[] = [];
  constructor(
    readonly callback: (entries: IntersectionObserverEntry[]) => void,
    readonly options: Record<string, unknown>,
  ) {
    FakeObserver.last = this;
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  takeRecords() {
    return this.pending.splice(0);
  }
}

type Sight = { ratio?: number; isVisible?: boolean; target?: Element };

function setup(options: { observer?: boolean } = {}) {
  let now = 0;
  const view = Object.assign(new EventTarget(), { innerWidth: 400, innerHeight: 200, document: new EventTarget() });
  let viewportCheck = () => {};
  const env: PayGuardEnv = {
    now: () => now,
    Observer: options.observer === false ? undefined : (FakeObserver as unknown as typeof IntersectionObserver),
    view: view as unknown as PayGuardEnv['view'],
    every: (ms, check) => {
      expect(ms).toBe(VIEWPORT_CHECK_MS);
      viewportCheck = check;
    },
  };
  const guard = createPayGuard(env);
  const button = {} as Element;
  guard.watch(button);
  const entry = ({ ratio = 1, isVisible, target = button }: Sight, time: number) =>
    ({ target, time, intersectionRatio: ratio, isIntersecting: ratio > 0, ...(isVisible === undefined ? {} : { isVisible }) }) as IntersectionObserverEntry;
  return {
    guard,
    button,
    view,
    /** The observer's report computed at `at` (now by default), delivered at once. */
    report(sight: Sight = { isVisible: true }, at = now) {
      FakeObserver.last.callback([entry(sight, at)]);
    },
    /** A report computed but not yet delivered: only takeRecords() sees it. */
    queue(sight: Sight, at = now) {
      FakeObserver.last.pending.push(entry(sight, at));
    },
    at(time: number) {
      now = time;
    },
    /** One tick of the guard's viewport check, at the current time. */
    checkViewport: () => viewportCheck(),
    click: (detail = 1, isTrusted = true) => guard.allows({ detail, isTrusted }),
  };
}

describe('pay guard', () => {
  it('asks the browser for IntersectionObserver v2 at its minimum delay and watches the button', () => {
    const { button } = setup();
    expect(FakeObserver.last.options).toMatchObject({ trackVisibility: true, delay: 100 });
    expect(FakeObserver.last.targets.has(button)).toBe(true);
  });

  it('refuses a pointer click before the first report, and until the button has been visible STEADY_MS', () => {
    const g = setup();
    g.at(2000);
    expect(g.click()).toBe(false);
    g.report({ isVisible: true }, 2000);
    g.at(2000 + STEADY_MS - 1);
    expect(g.click()).toBe(false);
    g.at(2000 + STEADY_MS);
    expect(g.click()).toBe(true);
  });

  it('counts from when the observer saw the button, not when its report was delivered', () => {
    const g = setup();
    g.at(900);
    g.report({ isVisible: true }, 300);
    g.at(800);
    expect(g.click()).toBe(true);
  });

  it('refuses while IOv2 says the button is covered or transparent, however long it has been', () => {
    const g = setup();
    g.report({ isVisible: true }, 0);
    g.report({ isVisible: false }, 1000);
    g.at(5000);
    expect(g.click()).toBe(false);
  });

  it('restarts the wait after a hidden spell of BLINK_MS or more (rapid de-obscuring), and a later click pays', () => {
    const g = setup();
    g.report({ isVisible: false }, 0);
    g.report({ isVisible: true }, 3000);
    g.at(3050);
    expect(g.click()).toBe(false);
    g.at(3000 + STEADY_MS);
    expect(g.click()).toBe(true);

    g.report({ isVisible: false }, 5000);
    g.report({ isVisible: true }, 5000 + BLINK_MS);
    g.at(5000 + BLINK_MS + 10);
    expect(g.click()).toBe(false);
  });

  it('lets a blink shorter than BLINK_MS pass: the frame being fitted to a grown form, at mount or later', () => {
    const g = setup();
    g.report({ ratio: 0, isVisible: false }, 200); // at mount, below the frame's initial 150 px
    g.report({ isVisible: true }, 310);
    g.at(200 + STEADY_MS);
    expect(g.click()).toBe(true);

    g.report({ ratio: 0.4, isVisible: false }, 2000); // a decline message pushed the button down
    g.at(2050);
    expect(g.click()).toBe(false); // hidden right now
    g.report({ isVisible: true }, 2000 + BLINK_MS - 1);
    g.at(2000 + BLINK_MS);
    expect(g.click()).toBe(true);
  });

  it('takes a report the browser has queued but not delivered into account at the click', () => {
    const g = setup();
    g.report({ isVisible: true }, 0);
    g.queue({ isVisible: false }, 900);
    g.at(1000);
    expect(g.click()).toBe(false);
  });

  it('without IOv2 (Firefox, Safari): less than half on screen is hidden, and that is all it can see', () => {
    const g = setup();
    g.report({ ratio: 1 }, 0);
    g.report({ ratio: 0.3 }, 1000);
    g.at(2000);
    expect(g.click()).toBe(false);
    g.report({ ratio: 0.6 }, 2000);
    g.at(2000 + STEADY_MS);
    expect(g.click()).toBe(true);
  });

  it('a spell at a 0×0 viewport (display: none, where Firefox reports nothing) is hidden, and restarts the wait', () => {
    const g = setup();
    g.report({ ratio: 1 }, 0);
    g.at(1000);
    g.checkViewport();
    expect(g.click()).toBe(true);

    g.view.innerWidth = 0;
    g.view.innerHeight = 0;
    g.at(1100);
    g.checkViewport();
    g.at(1100 + BLINK_MS);
    g.checkViewport();
    // Shown again; the observer is silent, and the next check has not run yet.
    g.view.innerWidth = 400;
    g.view.innerHeight = 200;
    g.at(1100 + BLINK_MS + 50);
    expect(g.click()).toBe(false);
    g.checkViewport();
    g.at(1100 + BLINK_MS + 50 + STEADY_MS - 1);
    expect(g.click()).toBe(false);
    g.at(1100 + BLINK_MS + 50 + STEADY_MS);
    expect(g.click()).toBe(true);
  });

  it('a 0×0 blink shorter than BLINK_MS does not restart the wait', () => {
    const g = setup();
    g.report({ ratio: 1 }, 0);
    g.view.innerHeight = 0;
    g.at(1000);
    g.checkViewport();
    g.view.innerHeight = 200;
    g.at(1000 + BLINK_MS - 1);
    g.checkViewport();
    expect(g.click()).toBe(true);
  });

  it('restarts the wait when the frame changes width or the page comes back to the front, not on height', () => {
    const g = setup();
    g.report({ isVisible: true }, 0);
    g.at(1000);
    g.view.dispatchEvent(new Event('resize')); // height only: the loader fitting the frame
    expect(g.click()).toBe(true);

    g.view.innerWidth = 300;
    g.view.dispatchEvent(new Event('resize'));
    g.at(1000 + STEADY_MS - 1);
    expect(g.click()).toBe(false);
    g.at(1000 + STEADY_MS);
    expect(g.click()).toBe(true);

    g.view.document.dispatchEvent(new Event('visibilitychange'));
    g.at(1000 + STEADY_MS + 100);
    expect(g.click()).toBe(false);
  });

  it('lets keyboard activation through whatever it sees, and refuses untrusted clicks', () => {
    const g = setup();
    g.report({ isVisible: false }, 0);
    g.at(10);
    expect(g.click(0)).toBe(true);
    g.report({ isVisible: true }, 0);
    g.at(5000);
    expect(g.click(1, false)).toBe(false);
    expect(g.click(0, false)).toBe(false);
  });

  it('carries what it saw over to a new button (another tab) and ignores reports on the old one', () => {
    const g = setup();
    g.report({ isVisible: true }, 0);
    const next = {} as Element;
    g.guard.watch(null);
    g.guard.watch(next);
    expect(FakeObserver.last.targets.has(g.button)).toBe(false);
    expect(FakeObserver.last.targets.has(next)).toBe(true);
    g.report({ ratio: 0, isVisible: false, target: g.button }, 990); // the old one, detached
    g.report({ isVisible: true, target: next }, 1000);
    g.at(1010);
    expect(g.click()).toBe(true);
  });

  it('without any IntersectionObserver counts from when the button appeared', () => {
    const g = setup({ observer: false });
    g.at(STEADY_MS - 1);
    expect(g.click()).toBe(false);
    g.at(STEADY_MS);
    expect(g.click()).toBe(true);
  });
});
