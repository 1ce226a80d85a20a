/** Byte counts as a merchant's browser pays them: raw, gzip and brotli at their highest levels (node:zlib). */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Compressed {
  raw: number;
  gzip: number;
  brotli: number;
}

export function compressedSizes(content: Uint8Array | string): Compressed {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

export function addSizes(a: Compressed, b: Compressed): Compressed {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/** The report's unit: kB of 1,000 bytes, as size-limit and bundlephobia print them. */
export function kB(bytes: number): number {
  return Math.round(bytes / 100) / 10;
}
