/**
 * `@soxara/protocol/rest`: what the REST API and its webhooks carry (API objects, error bodies, keys,
 * the events), without the frame messages. Server code imports this entry: the frame lines are typed
 * with the browser's `MessagePort` and `Transferable`, which a Node project compiled without the DOM
 * library does not have.
 */
export * from './api.ts';
export * from './errors.ts';
export * from './keys.ts';
export * from './events.ts';
