export * from './rest.ts';
export * from './handshake.ts';
export * from './messages.ts';
export * from './channel.ts';
export * from './frame-layout.ts';
export * from './pay-guard.ts';
