// @vitest-environment node
import { expect, it } from 'vitest';
import { loadSoxara } from '../src/index.ts';

it('resolves null where there is no window (server-side rendering), without throwing on import', async () => {
  expect(typeof window).toBe('undefined');
  await expect(loadSoxara('sxm_test_aaaaaaaaaaaa')).resolves.toBeNull();
});
