/**
 * The TypeScript types of the browser API, re-exported type-only from the merchant script's own
 * declarations (packages/soxara-js-cdn/src/public-types.ts), so what npm users compile against and what
 * the script implements cannot drift apart.
 */
export type * from '@soxara/soxara-js-cdn/types';
