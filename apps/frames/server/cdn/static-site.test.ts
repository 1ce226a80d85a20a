/** `pnpm build:cdn`'s rules: what it refuses, what it keeps from the previous build, what it compresses. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pinScript } from '../pinned-script.ts';
import { CdnBuildError, cdnConfigFromEnv, type CdnBuildErrorCode } from './cdn-config.ts';
import { buildStaticSite } from './static-site.ts';

function sources() {
  const root = mkdtempSync(path.join(tmpdir(), 'soxara-cdn-build-'));
  const framesDist = path.join(root, 'frames-dist');
  mkdirSync(path.join(framesDist, 'assets'), { recursive: true });
  writeFileSync(path.join(framesDist, 'card.html'), '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/frames/assets/card-a1.js"></script></head><body></body></html>');
  writeFileSync(path.join(framesDist, 'assets', 'card-a1.js'), 'console.log("card");\n'.repeat(100));
  const merchantScript = path.join(root, 'soxara.js');
  return { root, framesDist, merchantScript, outDir: path.join(root, 'cdn'), apiOrigin: 'https://api.soxara.example', jsOrigin: 'https://js.soxara.example' };
}

function refusal(env: Record<string, string>): { code: CdnBuildErrorCode; message: string } {
  try {
    cdnConfigFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(CdnBuildError);
    return { code: (error as CdnBuildError).code, message: (error as Error).message };
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('the CDN build configuration', () => {
  const js = { SOXARA_JS_URL: 'https://js.soxara.com' };
  const api = { SOXARA_API_URL: 'https://api.soxara.com' };

  it('takes both origins, and a trailing slash', () => {
    expect(cdnConfigFromEnv({ SOXARA_API_URL: 'https://api.soxara.com/', SOXARA_JS_URL: 'http://127.0.0.1:4020' })).toEqual({ apiOrigin: 'https://api.soxara.com', jsOrigin: 'http://127.0.0.1:4020' });
  });

  it('refuses to build without SOXARA_API_URL or SOXARA_JS_URL, and says what to set', () => {
    expect(refusal(js)).toMatchObject({ code: 'api_url_missing', message: expect.stringMatching(/^SOXARA_API_URL is not set: .*https:\/\/api\.soxara\.com/) });
    expect(refusal({ ...js, SOXARA_API_URL: '  ' }).code).toBe('api_url_missing');
    expect(refusal(api)).toMatchObject({ code: 'js_url_missing', message: expect.stringMatching(/^SOXARA_JS_URL is not set/) });
  });

  it('refuses anything but an http(s) origin', () => {
    for (const bad of ['api.soxara.com', 'ftp://api.soxara.com', 'javascript:alert(1)', 'https://api.soxara.com/v1', 'https://api.soxara.com?x=1', 'https://user:pw@api.soxara.com']) {
      expect(refusal({ ...js, SOXARA_API_URL: bad }).code, bad).toBe('api_url_invalid');
      expect(refusal({ ...api, SOXARA_JS_URL: bad }).code, bad).toBe('js_url_invalid');
    }
  });
});

describe('the static site', () => {
  it('refuses to build from an unbuilt tree, and leaves the previous output as it was', async () => {
    const options = sources();
    writeFileSync(options.merchantScript, 'window.Soxara = 1;');
    await buildStaticSite(options);
    const before = readFileSync(path.join(options.outDir, 'v1.js'), 'utf8');
    const unbuilt = buildStaticSite({ ...options, merchantScript: path.join(options.root, 'missing.js') });
    await expect(unbuilt).rejects.toMatchObject({ name: 'CdnBuildError', code: 'not_built', message: expect.stringContaining('pnpm build') });
    await expect(buildStaticSite({ ...options, framesDist: path.join(options.root, 'nothing') })).rejects.toMatchObject({ code: 'not_built' });
    expect(readFileSync(path.join(options.outDir, 'v1.js'), 'utf8')).toBe(before);
  });

  it('keeps the pinned builds already in the output folder, and names the new one in integrity.json', async () => {
    const options = sources();
    writeFileSync(options.merchantScript, 'window.Soxara = "first release";');
    await buildStaticSite(options);
    const first = pinScript(Buffer.from('window.Soxara = "first release";'));
    // A file under a pinned name whose bytes are not the ones the name promises.
    writeFileSync(path.join(options.outDir, 'v1', 'soxara.0000000000000000.js'), 'tampered');

    writeFileSync(options.merchantScript, 'window.Soxara = "second release";');
    const site = await buildStaticSite(options);
    const second = pinScript(Buffer.from('window.Soxara = "second release";'));
    expect(readdirSync(path.join(options.outDir, 'v1')).filter((name) => name.endsWith('.js')).sort()).toEqual([first.fileName, second.fileName].sort());
    expect(readFileSync(path.join(options.outDir, 'v1', first.fileName), 'utf8')).toBe('window.Soxara = "first release";');
    expect(site.files.filter((file) => file.route.kind === 'pinned-script').map((file) => file.urlPath).sort()).toEqual([`/v1/${first.fileName}`, `/v1/${second.fileName}`].sort());
    expect(JSON.parse(readFileSync(path.join(options.outDir, 'v1', 'integrity.json'), 'utf8'))).toEqual({ url: `https://js.soxara.example/v1/${second.fileName}`, integrity: second.integrity });
    expect(readFileSync(path.join(options.outDir, 'v1.js'), 'utf8')).toBe('window.Soxara = "second release";');
    expect(readdirSync(options.root).filter((name) => /\.(next|old)-/.test(name))).toEqual([]);
  });

  it('writes a .gz sibling of each text file that gzip makes smaller, and of nothing else', async () => {
    const options = sources();
    writeFileSync(options.merchantScript, 'window.Soxara = function () {};\n'.repeat(50));
    const site = await buildStaticSite(options);
    for (const file of ['v1.js', 'frames/card.html', 'frames/assets/card-a1.js']) {
      const gz = path.join(options.outDir, `${file}.gz`);
      expect(gunzipSync(readFileSync(gz)).equals(readFileSync(path.join(options.outDir, file))), file).toBe(true);
    }
    for (const file of site.files) {
      const gz = path.join(options.outDir, `${file.file}.gz`);
      if (existsSync(gz)) expect(readFileSync(gz).length, file.file).toBeLessThan(readFileSync(path.join(options.outDir, file.file)).length);
    }
    expect(existsSync(path.join(options.outDir, '_headers.gz'))).toBe(false);
  });
});
