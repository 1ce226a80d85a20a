import { beforeAll, expect, it } from 'vitest';
import { resetPage, soxaraScripts, tick } from './fake-soxara.ts';

beforeAll(() => resetPage());

it('the default entry starts loading the script as soon as it is imported', async () => {
  const { loadSoxara } = await import('../src/index.ts');
  expect(typeof loadSoxara).toBe('function');
  await tick();
  expect(soxaraScripts().map((s) => s.src)).toEqual(['https://js.soxara.com/v1']);
});
