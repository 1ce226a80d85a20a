/**
 * `pnpm build`: one Vite build per frame page (see vite.config.ts for why), into a fresh folder that
 * then replaces dist/ in one rename, so a running JS server never serves a half-built dist.
 */
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { PAGES } from './vite.config.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const dist = here('./dist');
const next = here(`./dist.next-${process.pid}`);
const old = here(`./dist.old-${process.pid}`);

rmSync(next, { recursive: true, force: true });
for (const page of PAGES) {
  process.env.SOXARA_FRAMES_PAGE = page;
  await build({ root: here('.'), configFile: here('./vite.config.ts'), logLevel: 'warn', build: { outDir: next } });
}
try {
  renameSync(dist, old);
} catch {
  // No previous build.
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
console.log(`frames built: ${PAGES.join(', ')}`);
