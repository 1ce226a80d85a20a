/**
 * Files as sent: read, transformed (the server's settings into a page) and compressed once per version
 * of the file, then kept. Compressing on every request (hono's compress(), a CompressionStream per
 * response) put the JS server's CPU on the path of every frame load, where it showed in mount() →
 * ready (bench/README.md, measure 3).
 *
 * A version is the file's path, size and mtime, so a rebuild of dist/ (or of soxara.js) is picked up
 * on the next request without a restart.
 */
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';
export type Encoded = Record<Encoding, Uint8Array>;
/** From the file's bytes to the bytes sent (a frame page gets its API URL and script hashes). */
export type Transform = (body: Buffer) => Uint8Array | Promise<Uint8Array>;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** A few builds' worth of files; past it the cache starts over rather than tracking use. */
const MAX_ENTRIES = 200;

export class EncodedFiles {
  private readonly cache = new Map<string, Promise<Encoded | null>>();

  /** The file as sent, or null when it does not exist. `transform` runs once per version. */
  async get(file: string, transform: Transform = (body) => body): Promise<Encoded | null> {
    let version: string;
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      version = `${file}\0${info.size}\0${info.mtimeMs}`;
    } catch {
      return null;
    }
    let entry = this.cache.get(version);
    if (!entry) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      entry = load(file, transform);
      this.cache.set(version, entry);
      // A failed read is not kept: the next request tries again.
      void entry.then((encoded) => encoded ?? this.cache.delete(version));
    }
    return entry;
  }
}

async function load(file: string, transform: Transform): Promise<Encoded | null> {
  let identity: Uint8Array;
  try {
    identity = await transform(await readFile(file));
  } catch {
    return null;
  }
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: 9 }),
    brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  return { identity, gzip: new Uint8Array(gz), br: new Uint8Array(br) };
}

/** The best encoding the request accepts (`br`, then `gzip`), honouring `q=0`. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}
