/**
 * A check beside measure 1: is the `/v1` the JS server sends the file that was measured, and how does
 * it go over the wire (compression, caching)? Asked with a browser's Accept-Encoding and read raw.
 */
import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { oursBuilt } from './script-size.ts';

export interface ServedScript {
  url: string;
  status: number;
  contentEncoding: string;
  transferBytes: number;
  cacheControl: string;
  /** Whether the decoded body is byte for byte the measured dist/soxara.js. */
  matchesDist: boolean | null;
}

export function checkServedScript(jsUrl: string): Promise<ServedScript> {
  const url = `${jsUrl}/v1`;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = String(response.headers['content-encoding'] ?? 'identity');
        const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({
          url,
          status: response.statusCode ?? 0,
          contentEncoding: encoding,
          transferBytes: raw.length,
          cacheControl: String(response.headers['cache-control'] ?? '–'),
          matchesDist: existsSync(oursBuilt) ? body.equals(readFileSync(oursBuilt)) : null,
        });
      });
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error(`${url} did not answer in 5 s`)));
    req.end();
  });
}
