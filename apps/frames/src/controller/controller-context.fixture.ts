/** The controller context its unit tests hand to a flow: their API, at most one element (`el_1`), no page. */
import { vi } from 'vitest';
import type { ApiClient } from './api.ts';
import type { ControllerContext, ElementHandle } from './context.ts';
import { createEmitter } from './notifier.ts';

export function controllerContext(api: ApiClient, handle: ElementHandle | undefined): ControllerContext {
  return {
    api,
    locale: 'en',
    apiOrigin: 'http://api.test',
    openModal: vi.fn(),
    pageVisible: createEmitter(),
    element: (id) => (id === 'el_1' ? handle : undefined),
    navigate: vi.fn(),
  };
}
