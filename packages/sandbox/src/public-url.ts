/** The origin browsers use for the sandbox: SOXARA_API_URL, else http://localhost:<the bound port>. */
import type { Deps } from './http/env.ts';

export function publicUrlOf(deps: Deps): string {
  if (deps.publicUrl) return deps.publicUrl();
  return (deps.config.publicUrl ?? `http://localhost:${deps.config.port}`).replace(/\/+$/, '');
}
