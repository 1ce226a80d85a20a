import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetLoaderForTests } from '../src/load-script.ts';
import { loadSoxara } from '../src/pure.ts';
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
