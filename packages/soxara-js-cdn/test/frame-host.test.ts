// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFrameFragment } from '@soxara/protocol';
import { hostFrame } from '../src/frame-host.ts';

const JS = 'https://js.test';

function setUp(timeoutMs = 1_000) {
  const extra = new MessageChannel();
  const frame = hostFrame(JS, 'card', 'Card', 'inline', extra.port1, timeoutMs);
  // The iframe never loads here: stand in for its window, as the event's source and the connect target.
  const post = vi.fn();
  const child = { postMessage: post } as unknown as Window;
  Object.defineProperty(frame.iframe, 'contentWindow', { get: () => child });
  const fragment = decodeFrameFragment(new URL(frame.iframe.src).hash)!;
  const ready = { protocol: 'soxara', v: 1, type: 'frame-ready', frameId: fragment.frameId };
  const deliver = (data: unknown, origin = JS, source: unknown = child) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window }));
  return { frame, child, post, fragment, ready, deliver };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('hostFrame', () => {
  it('puts only a frame id and the page origin in the URL, and titles the iframe', () => {
    const { frame, fragment } = setUp();
    expect(frame.iframe.src.startsWith(`${JS}/frames/card.html#`)).toBe(true);
    expect(fragment.parentOrigin).toBe('https://shop.test');
    expect(frame.iframe.title).toBe('Card');
    expect(frame.iframe.getAttribute('style') ?? '').not.toContain('javascript');
  });

  it('answers frame-ready from the right origin, window and id with one connect to the JS origin', async () => {
    const { post, ready, deliver, frame } = setUp();
    deliver(ready);
    deliver(ready);
    const port = await frame.connected;
    expect(typeof port.postMessage).toBe('function');
    expect(post.mock.calls.length).toBe(1);
    const [message, targetOrigin, transfer] = post.mock.calls[0] as unknown as [unknown, string, unknown[]];
    expect(JSON.stringify(message)).toBe(JSON.stringify({ protocol: 'soxara', v: 1, type: 'connect', frameId: ready.frameId }));
    expect(targetOrigin).toBe(JS);
    expect(transfer.length).toBe(2);
  });

  it('ignores a wrong origin, a wrong window, a wrong id and junk, without throwing', () => {
    const { post, ready, deliver } = setUp();
    deliver(ready, 'https://js.test.evil');
    deliver(ready, 'http://js.test');
    deliver(ready, JS, window);
    deliver(ready, JS, null);
    deliver({ ...ready, frameId: 'somebodyelse1' });
    for (const junk of [null, 'frame-ready', 42, [], { ...ready, v: 2 }, { ...ready, protocol: 'x' }, JSON.parse('{"__proto__":{"type":"frame-ready"}}')]) {
      expect(() => deliver(junk)).not.toThrow();
    }
    expect(post.mock.calls.length).toBe(0);
  });

  it('rejects when the frame never answers, and then ignores a late frame-ready', async () => {
    vi.useFakeTimers();
    const { frame, post, ready, deliver } = setUp(500);
    vi.advanceTimersByTime(600);
    await expect(frame.connected).rejects.toThrow(/did not answer/);
    deliver(ready);
    expect(post.mock.calls.length).toBe(0);
  });
});
