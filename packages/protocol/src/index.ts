export * from './api.ts';
export * from './errors.ts';
export * from './keys.ts';
export * from './handshake.ts';
export * from './messages.ts';
export * from './channel.ts';
export * from './events.ts';
