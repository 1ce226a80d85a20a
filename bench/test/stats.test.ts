import { describe, expect, it } from 'vitest';
import { pairedRatio, quantile, summarize } from '../src/stats.ts';

describe('summarize', () => {
  it('gives the closest-rank interpolated quantiles', () => {
    const d = summarize([5, 1, 4, 2, 3]);
    expect(d).toMatchObject({ n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5, mean: 3 });
    expect(d.p95).toBeCloseTo(4.8);
  });

  it('refuses no samples rather than inventing numbers', () => {
    expect(() => summarize([])).toThrow();
  });

  it('interpolates between ranks', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
  });
});

describe('pairedRatio', () => {
  it('divides the medians and keeps the per-pair spread', () => {
    const ratio = pairedRatio([20, 30, 40], [10, 10, 20]);
    expect(ratio.ofMedians).toBe(3);
    expect(ratio.perPair.min).toBe(2);
    expect(ratio.perPair.max).toBe(3);
  });
});
