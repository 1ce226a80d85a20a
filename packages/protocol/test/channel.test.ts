import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { ElementToMerchant, openLine, PendingRequests, RequestTimeoutError } from '../src/index.ts';

describe('openLine', () => {
  it('delivers what parses and silently drops the rest', async () => {
    const { port1, port2 } = new MessageChannel();
    const received: unknown[] = [];
    openLine(port1 as unknown as MessagePort, ElementToMerchant, (message) => received.push(message));
    for (const junk of [null, 1, 'ready', { type: 'nope' }, { type: 'resize', height: -1 }, { type: 'resize', height: 'x' }]) port2.postMessage(junk);
    port2.postMessage({ type: 'ready' });
    await vi.waitFor(() => expect(received).toEqual([{ type: 'ready' }]));
    port1.close();
  });
});

describe('PendingRequests', () => {
  it('settles by id and ignores unknown or repeated answers', async () => {
    const pending = new PendingRequests<string>();
    let sentId = -1;
    const answer = pending.request((id) => (sentId = id), 1000);
    pending.settle(sentId + 100, 'wrong');
    pending.settle(sentId, 'right');
    pending.settle(sentId, 'again');
    await expect(answer).resolves.toBe('right');
  });

  it('times out instead of waiting forever', async () => {
    vi.useFakeTimers();
    const pending = new PendingRequests<string>();
    const answer = pending.request(() => {}, 50);
    vi.advanceTimersByTime(51);
    await expect(answer).rejects.toBeInstanceOf(RequestTimeoutError);
    vi.useRealTimers();
  });

  it('fails everything pending when the line goes away', async () => {
    const pending = new PendingRequests<number>();
    const a = pending.request(() => {}, 1000);
    const b = pending.request(() => {}, 1000);
    pending.rejectAll(new Error('closed'));
    await expect(a).rejects.toThrow('closed');
    await expect(b).rejects.toThrow('closed');
  });
});

void v;
