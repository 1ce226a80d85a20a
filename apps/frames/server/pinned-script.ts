/**
 * The merchant script under a name that never changes its bytes, so merchants can pin it with
 * Subresource Integrity (checklist C1; PCI DSS 6.4.3 asks for "a method … to assure the integrity of
 * each script"). Stripe.js offers no SRI (stripe-js#167); Soxara serves both:
 *
 *   /v1                         evergreen: the current build, cached 5 minutes. No SRI possible: its
 *                               bytes change with every release, and a pinned hash would then block it.
 *   /v1/soxara.<16 hex>.js      the same bytes, named by the first 64 bits of their SHA-256; cached
 *                               for a year, `immutable`. `<script integrity crossorigin>` goes here.
 *   /v1/integrity.json          `{ url, integrity }` of the current build, for merchants and tooling
 *                               to copy into their pages at build or deploy time. Never fetch it at
 *                               page load to decide what to trust: whoever could change the script
 *                               could change the manifest too.
 *
 * The name is a content address, not a release number: the same bytes always get the same URL, and
 * a URL never gets other bytes. 64 bits of SHA-256 only have to tell our own builds apart; what the
 * browser checks is the full SHA-384 of the integrity attribute.
 *
 * The Node server serves only the current build. It reads one dist/soxara.js, so after a rebuild the
 * old hash answers 404 (and the merchant re-pins from the manifest). A production CDN must keep every
 * published version for as long as pinned pages may load it: the static build (cdn/static-site.ts)
 * carries every pinned build it finds in its output folder into the next one.
 *
 * A pinned (older) script and the evergreen frames. The frames (/frames/*.html) are not versioned:
 * a pinned script always opens the current ones. They agree through the handshake's PROTOCOL_VERSION
 * (packages/protocol/src/handshake.ts), which both sides check exactly. The rule that keeps pinned
 * scripts working: within /v1 the frame protocol changes only compatibly (PROTOCOL_VERSION stays 1);
 * an incompatible change bumps it, and the frames then keep answering every version a still-served
 * /v1 build speaks, or the change ships under /v2. Should a pinned script ever meet frames that do not
 * speak its version, it fails closed: it ignores their `frame-ready`, the element reports `loaderror`
 * (`frame_load_failed`) and `confirmPayment` resolves `{error}`; no confirm reaches the frames, so
 * nothing is charged. In this sandbox the question does not arise, since only one build exists at a time.
 */
import { createHash } from 'node:crypto';
import type { Encoded } from './encoded-files.ts';
import { integrityOf } from './subresource-integrity.ts';

/** The file name of a pinned build under /v1/. */
export const PINNED_FILE_NAME = /^soxara\.[0-9a-f]{16}\.js$/;

export interface PinnedScript {
  /** `soxara.<first 16 hex of the SHA-256>.js`, the file name under /v1/. */
  fileName: string;
  /** `sha384-<base64>`, as `<script integrity>` wants it. */
  integrity: string;
}

// Keyed by the cached file (EncodedFiles keeps one `Encoded` per version of soxara.js), so each build
// is hashed once, and a rebuild is hashed on its first request (or at start, see app.ts).
const pinned = new WeakMap<Encoded, PinnedScript>();

/** The pinned name and integrity of a build, from the bytes as served (before compression). */
export function pinnedScript(script: Encoded): PinnedScript {
  let entry = pinned.get(script);
  if (!entry) {
    entry = pinScript(script.identity);
    pinned.set(script, entry);
  }
  return entry;
}

/** The pinned name and integrity of a build's bytes. */
export function pinScript(bytes: Uint8Array): PinnedScript {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { fileName: `soxara.${sha256.slice(0, 16)}.js`, integrity: integrityOf(bytes) };
}

/** The body of /v1/integrity.json: the versioned URL on `jsOrigin` and the integrity to pin it with. */
export function integrityManifest(jsOrigin: string, script: PinnedScript): string {
  return JSON.stringify({ url: `${jsOrigin}/v1/${script.fileName}`, integrity: script.integrity });
}
