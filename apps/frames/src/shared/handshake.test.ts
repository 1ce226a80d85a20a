import { describe, expect, it } from 'vitest';
import { encodeFrameFragment } from '@soxara/protocol';
import { connectToParent } from './handshake.ts';

const MERCHANT = 'http://localhost:4130';
const FRAME_ID = 'frame_12345678';

/** Just enough of a framed window: its parent, its hash, and its message listeners. */
function fakeWindow(options: { hash?: string; ancestor?: string | null } = {}) {
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const listeners = new Set<(event: MessageEvent) => void>();
  const parent = { postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }) };
  const ancestorOrigins = options.ancestor === null ? undefined : Object.assign([options.ancestor ?? MERCHANT], { contains: () => false, item: () => null });
  const win = {
    parent,
    location: { hash: options.hash ?? `#${encodeFrameFragment({ frameId: FRAME_ID, parentOrigin: MERCHANT })}`, ancestorOrigins },
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.delete(listener),
  };
  const deliver = (data: unknown, from: { origin?: string; source?: unknown; ports?: MessagePort[] } = {}) => {
    const event = { data, origin: from.origin ?? MERCHANT, source: from.source ?? parent, ports: from.ports ?? [new MessageChannel().port1] } as unknown as MessageEvent;
    for (const listener of [...listeners]) listener(event);
  };
  return { win: win as unknown as Window, posted, listeners, deliver };
}

const connect = (frameId = FRAME_ID) => ({ protocol: 'soxara', v: 1, type: 'connect', frameId });

describe('connectToParent', () => {
  it('announces itself to the exact parent origin, then accepts one valid connect and stops listening', async () => {
    const { win, posted, listeners, deliver } = fakeWindow();
    const connection = connectToParent(win);
    expect(posted).toEqual([{ message: { protocol: 'soxara', v: 1, type: 'frame-ready', frameId: FRAME_ID }, targetOrigin: MERCHANT }]);
    deliver(connect());
    await expect(connection).resolves.toMatchObject({ fragment: { frameId: FRAME_ID, parentOrigin: MERCHANT } });
    expect(listeners.size).toBe(0);
  });

  it('ignores connects from another origin, another window, for another frame, without ports, or malformed', async () => {
    const { win, listeners, deliver } = fakeWindow();
    const connection = connectToParent(win);
    let settled = false;
    void connection.then(() => (settled = true));
    deliver(connect(), { origin: 'http://evil.test' });
    deliver(connect(), { origin: `${MERCHANT}.evil.test` });
    deliver(connect(), { source: {} });
    deliver(connect('frame_other999'));
    deliver(connect(), { ports: [] });
    deliver({ ...connect(), v: 2 });
    deliver('connect');
    deliver(null);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    expect(listeners.size).toBe(1);
    deliver(connect());
    await expect(connection).resolves.not.toBeNull();
  });

  it('stays inert when the fragment is bad or the real parent is someone else', async () => {
    for (const setup of [{ hash: '' }, { hash: '#id=x&origin=http://localhost:4130' }, { hash: '#id=frame_12345678&origin=javascript:alert(1)' }, { ancestor: 'http://evil.test' }]) {
      const { win, posted, listeners } = fakeWindow(setup);
      await expect(connectToParent(win)).resolves.toBeNull();
      expect(posted).toEqual([]);
      expect(listeners.size).toBe(0);
    }
  });

  it('relies on the exact targetOrigin where the browser has no ancestorOrigins (Firefox)', async () => {
    const { win, posted } = fakeWindow({ ancestor: null });
    void connectToParent(win);
    expect(posted[0]?.targetOrigin).toBe(MERCHANT);
  });
});
