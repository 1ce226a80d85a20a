/**
 * Which React the suite runs on: 19 in the package's own project, 18 in the React 18 project
 * (test/react-18/vitest.config.ts), where every other test of this folder runs again.
 */
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

describe('React', () => {
  it('is one supported major, the same for react and react-dom', () => {
    expect(['18', '19']).toContain(version.split('.')[0]);
    expect(domVersion).toBe(version);
    console.log(`React ${version}`);
  });
});
