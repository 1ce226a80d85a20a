import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetLoaderForTests } from '../src/load-script.ts';
import { loadSoxara, SoxaraLoadError } from '../src/pure.ts';
import { failLoading, fakeSoxara, finishLoading, resetPage, soxaraScripts, tick } from './fake-soxara.ts';

beforeEach(() => {
  resetPage();
  resetLoaderForTests();
});
afterEach(() => vi.restoreAllMocks());

describe('loadSoxara (pure)', () => {
  it('injects nothing until called', async () => {
    await tick();
    expect(soxaraScripts()).toHaveLength(0);
  });

  it('injects the script once for concurrent calls and returns Soxara(key, options)', async () => {
    const { Soxara, calls } = fakeSoxara();
    const first = loadSoxara('sxm_test_aaaaaaaaaaaa', { locale: 'fr' });
    const second = loadSoxara('sxm_test_aaaaaaaaaaaa');
    expect(soxaraScripts()).toHaveLength(1);
    expect(soxaraScripts()[0]!.src).toBe('https://js.soxara.com/v1');
    finishLoading(soxaraScripts()[0]!, Soxara);
    expect(await first).toMatchObject({ kind: 'instance' });
    expect(await second).toMatchObject({ kind: 'instance' });
    expect(calls).toEqual([['sxm_test_aaaaaaaaaaaa', { locale: 'fr' }], ['sxm_test_aaaaaaaaaaaa']]);
    expect(soxaraScripts()).toHaveLength(1);
  });

  it('reuses a script tag the page already has', async () => {
    const { Soxara } = fakeSoxara();
    const tag = document.createElement('script');
    tag.src = 'https://js.soxara.com/v1/';
    document.head.appendChild(tag);
    const loading = loadSoxara('sxm_test_aaaaaaaaaaaa');
    expect(soxaraScripts()).toEqual([tag]);
    finishLoading(tag, Soxara);
    await expect(loading).resolves.toMatchObject({ kind: 'instance' });
  });

  it('uses window.Soxara when the script has already run', async () => {
    const { Soxara, calls } = fakeSoxara();
    (window as { Soxara?: unknown }).Soxara = Soxara;
    await expect(loadSoxara('sxm_test_aaaaaaaaaaaa')).resolves.toMatchObject({ kind: 'instance' });
    expect(soxaraScripts()).toHaveLength(0);
    expect(calls).toHaveLength(1);
  });

  it('rejects when the script fails to load, and the next call tries again with a fresh tag', async () => {
    const { Soxara } = fakeSoxara();
    const failed = loadSoxara('sxm_test_aaaaaaaaaaaa');
    const dead = soxaraScripts()[0]!;
    failLoading(dead);
    await expect(failed).rejects.toThrow('Failed to load Soxara.js from https://js.soxara.com/v1');
    await expect(failed).rejects.toMatchObject({ name: 'SoxaraLoadError', code: 'load_failed', scriptUrl: 'https://js.soxara.com/v1' });
    expect(soxaraScripts()).toHaveLength(0);

    const retry = loadSoxara('sxm_test_aaaaaaaaaaaa');
    const fresh = soxaraScripts()[0]!;
    expect(fresh).not.toBe(dead);
    finishLoading(fresh, Soxara);
    await expect(retry).resolves.toMatchObject({ kind: 'instance' });
  });

  it('rejects when the script loads but defines no window.Soxara', async () => {
    const loading = loadSoxara('sxm_test_aaaaaaaaaaaa');
    soxaraScripts()[0]!.dispatchEvent(new Event('load'));
    await expect(loading).rejects.toThrow('window.Soxara is not defined');
    await expect(loading).rejects.toMatchObject({ code: 'soxara_not_defined' });
  });

  it('passes on the IntegrationError of a malformed key as a rejection', async () => {
    const Soxara = Object.assign(() => {
      throw new Error('Invalid publishable key');
    }, { version: 'test' });
    (window as { Soxara?: unknown }).Soxara = Soxara;
    await expect(loadSoxara('pk_nope')).rejects.toThrow('Invalid publishable key');
  });
});

describe('setLoadParameters', () => {
  it('loads from the configured URL (the local stack)', () => {
    loadSoxara.setLoadParameters({ scriptUrl: 'http://localhost:4020/v1' });
    void loadSoxara('sxm_test_aaaaaaaaaaaa');
    expect(soxaraScripts()[0]!.src).toBe('http://localhost:4020/v1');
  });

  it('refuses plain http off loopback, other paths, and late calls', () => {
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: 'http://js.example.com/v1' })).toThrow(/https/);
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: 'https://js.example.com/v1/soxara.js' })).toThrow(/script itself/);
    void loadSoxara('sxm_test_aaaaaaaaaaaa');
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: 'https://js.soxara.com/v1' })).toThrow(/before/);
  });
});

describe('a pinned build (SRI, checklist C1)', () => {
  const PINNED_URL = 'https://js.soxara.com/v1/soxara.0123456789abcdef.js';
  // The sha384 of the empty string: well-formed, as /v1/integrity.json gives it.
  const INTEGRITY = 'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb';

  it('C1 injects the versioned URL with integrity and crossorigin="anonymous"', async () => {
    const { Soxara } = fakeSoxara();
    loadSoxara.setLoadParameters({ scriptUrl: PINNED_URL, integrity: INTEGRITY });
    const loading = loadSoxara('sxm_test_aaaaaaaaaaaa');
    const [script] = soxaraScripts();
    expect(soxaraScripts()).toHaveLength(1);
    expect(script!.src).toBe(PINNED_URL);
    expect(script!.getAttribute('integrity')).toBe(INTEGRITY);
    expect(script!.getAttribute('crossorigin')).toBe('anonymous');
    finishLoading(script!, Soxara);
    await expect(loading).resolves.toMatchObject({ kind: 'instance' });
  });

  it('C1 a pinned load that fails rejects with integrity_or_load_failed, saying the browser gives no reason', async () => {
    loadSoxara.setLoadParameters({ scriptUrl: PINNED_URL, integrity: INTEGRITY });
    const loading = loadSoxara('sxm_test_aaaaaaaaaaaa');
    failLoading(soxaraScripts()[0]!);
    const error: unknown = await loading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SoxaraLoadError);
    expect(error).toMatchObject({ code: 'integrity_or_load_failed', scriptUrl: PINNED_URL });
    const message = (error as SoxaraLoadError).message;
    expect(message).toContain(PINNED_URL);
    expect(message).toContain(INTEGRITY);
    expect(message).toMatch(/reports only an "error" event/);
    expect(message).toMatch(/Subresource Integrity/);
    expect(message).toContain('https://js.soxara.com/v1/integrity.json');
    expect(soxaraScripts()).toHaveLength(0);
  });

  it('C1 reuses a tag of the page only when it pins the same integrity', async () => {
    const { Soxara } = fakeSoxara();
    const unpinned = document.createElement('script');
    unpinned.src = PINNED_URL;
    document.head.appendChild(unpinned);
    loadSoxara.setLoadParameters({ scriptUrl: PINNED_URL, integrity: INTEGRITY });
    const loading = loadSoxara('sxm_test_aaaaaaaaaaaa');
    const injected = soxaraScripts().filter((s) => s !== unpinned);
    expect(injected).toHaveLength(1);
    expect(injected[0]!.integrity).toBe(INTEGRITY);
    finishLoading(injected[0]!, Soxara);
    await expect(loading).resolves.toMatchObject({ kind: 'instance' });

    resetPage();
    resetLoaderForTests();
    const pinned = document.createElement('script');
    pinned.src = PINNED_URL;
    pinned.integrity = INTEGRITY;
    pinned.crossOrigin = 'anonymous';
    document.head.appendChild(pinned);
    loadSoxara.setLoadParameters({ scriptUrl: PINNED_URL, integrity: INTEGRITY });
    const reused = loadSoxara('sxm_test_aaaaaaaaaaaa');
    expect(soxaraScripts()).toEqual([pinned]);
    finishLoading(pinned, Soxara);
    await expect(reused).resolves.toMatchObject({ kind: 'instance' });
  });

  it('C1 refuses integrity on the evergreen /v1, a versioned URL without integrity, and malformed hashes', () => {
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: 'https://js.soxara.com/v1', integrity: INTEGRITY })).toThrow(/versioned build/);
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: PINNED_URL })).toThrow(/needs its integrity/);
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: PINNED_URL, integrity: 'sha384-short' })).toThrow(/sha384-<base64>/);
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: `${PINNED_URL}?v=2`, integrity: INTEGRITY })).toThrow(/no query/);
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: 'http://js.example.com/v1/soxara.0123456789abcdef.js', integrity: INTEGRITY })).toThrow(/https/);
    // Plain JavaScript callers, past the types.
    expect(() => loadSoxara.setLoadParameters({ integrity: INTEGRITY } as unknown as Parameters<typeof loadSoxara.setLoadParameters>[0])).toThrow(/needs the scriptUrl/);
    expect(() => loadSoxara.setLoadParameters({ scriptUrl: PINNED_URL, integrity: `sha256-${'A'.repeat(43)}=` } as unknown as Parameters<typeof loadSoxara.setLoadParameters>[0])).toThrow(/sha384/);
    // Nothing was set: the evergreen default still applies.
    void loadSoxara('sxm_test_aaaaaaaaaaaa');
    expect(soxaraScripts()[0]!.src).toBe('https://js.soxara.com/v1');
    expect(soxaraScripts()[0]!.hasAttribute('integrity')).toBe(false);
  });

  it('C1 the local stack can be pinned too (http on loopback)', () => {
    loadSoxara.setLoadParameters({ scriptUrl: 'http://127.0.0.1:4020/v1/soxara.0123456789abcdef.js', integrity: INTEGRITY });
    void loadSoxara('sxm_test_aaaaaaaaaaaa');
    expect(soxaraScripts()[0]!.src).toBe('http://127.0.0.1:4020/v1/soxara.0123456789abcdef.js');
  });
});
