/**
 * Where `soxara dev` finds the JS origin's files. The published package carries them beside its bundle
 * (`dist/js-origin/`: the frames and the merchant script, copied there by build.ts). Run from this
 * repository's sources there is no such folder, and the JS server serves the workspace's own builds.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface JsOriginFiles {
  framesDist?: string;
  merchantScript?: string;
}

export const PACKAGED_FOLDER = 'js-origin';

export function jsOriginFiles(): JsOriginFiles {
  const packaged = path.join(path.dirname(fileURLToPath(import.meta.url)), PACKAGED_FOLDER);
  if (!existsSync(packaged)) return {};
  return { framesDist: path.join(packaged, 'frames'), merchantScript: path.join(packaged, 'soxara.js') };
}
