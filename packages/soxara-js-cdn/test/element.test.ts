// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { decodeFrameFragment } from '@soxara/protocol';
import { MountedElement, type ElementHost } from '../src/element.ts';

const JS = 'https://js.test';

function element() {
  const attached: string[] = [];
  const detached: string[] = [];
  const host: ElementHost = {
    jsOrigin: JS,
    attach: (elementId) => attached.push(elementId),
    detach: (elementId) => detached.push(elementId),
    ready: vi.fn(),
    submitted: vi.fn(),
  };
  const mounted = new MountedElement('card', host, { locale: 'en', showPayButton: true });
  return { mounted, host, attached, detached };
}

/** Stands in for the iframe's window (it never loads here) and answers its handshake. */
function frameReadyFrom(iframe: HTMLIFrameElement) {
  const post = vi.fn();
  const child = { postMessage: post } as unknown as Window;
  Object.defineProperty(iframe, 'contentWindow', { get: () => child });
  const { frameId } = decodeFrameFragment(new URL(iframe.src).hash)!;
  const deliver = () =>
    window.dispatchEvent(new MessageEvent('message', { data: { protocol: 'soxara', v: 1, type: 'frame-ready', frameId }, origin: JS, source: child }));
  return { post, deliver };
}

describe('MountedElement, mounted the way React StrictMode does it', () => {
  it('mount → unmount → mount in one task leaves one iframe, one live element id, and detaches the first', () => {
    const { mounted, attached, detached } = element();
    const container = document.createElement('div');
    mounted.mount(container);
    const first = container.querySelector('iframe')!;
    mounted.unmount();
    mounted.mount(container);

    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(container.querySelector('iframe')).not.toBe(first);
    expect(attached).toHaveLength(2);
    expect(attached[0]).not.toBe(attached[1]);
    expect(detached).toEqual([attached[0]]);
    expect(mounted.id).toBe(attached[1]);
  });

  it('the first, removed frame gets no connect even if its frame-ready comes late; the live one connects and its ready is emitted once', async () => {
    const { mounted, host } = element();
    const container = document.createElement('div');
    mounted.mount(container);
    const first = frameReadyFrom(container.querySelector('iframe')!);
    mounted.unmount();
    mounted.mount(container);
    const live = frameReadyFrom(container.querySelector('iframe')!);
    const ready = vi.fn();
    mounted.events.on('ready', ready);

    first.deliver();
    expect(first.post).not.toHaveBeenCalled();
    live.deliver();
    expect(live.post).toHaveBeenCalledTimes(1);

    // The frame's end of the merchant line is the first port of the connect message.
    const [, , transfer] = live.post.mock.calls[0] as [unknown, string, MessagePort[]];
    transfer[0]!.postMessage({ type: 'ready' });
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(host.ready).toHaveBeenCalledTimes(1);
  });

  it('a destroyed element refuses a new mount, and mounting twice without unmount() says what to do', () => {
    const { mounted } = element();
    const container = document.createElement('div');
    mounted.mount(container);
    expect(() => mounted.mount(container)).toThrow(/already mounted: unmount\(\) it first/);
    mounted.destroy();
    expect(container.querySelectorAll('iframe')).toHaveLength(0);
    expect(() => mounted.mount(container)).toThrow(/destroyed: create a new one/);
  });
});
