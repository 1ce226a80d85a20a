/** `sha384-<base64>` of some bytes, as `<script integrity>` and a CSP hash source both write it. */
import { createHash } from 'node:crypto';

export function integrityOf(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}
