// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readApiUrl, readRequestTimeoutMs } from './page-settings.ts';

function page(metas: Record<string, string>): Document {
  document.head.innerHTML = Object.entries(metas)
    .map(([name, content]) => `<meta name="${name}" content="${content}">`)
    .join('');
  return document;
}

afterEach(() => {
  document.head.innerHTML = '';
});

describe('page settings', () => {
  it('reads the API origin, and refuses what is not http(s)', () => {
    expect(readApiUrl(page({ 'soxara-api-url': 'http://127.0.0.1:4010/' }))).toBe('http://127.0.0.1:4010');
    expect(readApiUrl(page({ 'soxara-api-url': 'javascript:alert(1)' }))).toBeNull();
    expect(readApiUrl(page({}))).toBeNull();
  });

  it('reads a request timeout in whole milliseconds, and falls back to the default for anything else', () => {
    expect(readRequestTimeoutMs(page({ 'soxara-request-timeout-ms': '4000' }))).toBe(4000);
    for (const junk of ['', '0', '-5', '1.5', 'soon', '1e400']) expect(readRequestTimeoutMs(page({ 'soxara-request-timeout-ms': junk })), junk).toBeUndefined();
    expect(readRequestTimeoutMs(page({}))).toBeUndefined();
  });
});
