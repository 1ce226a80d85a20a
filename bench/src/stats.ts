/** Summaries of timing samples: the shape every latency in the report is given in. */

export interface Distribution {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
  /** Quartiles, for the box plots. */
  q1: number;
  q3: number;
}

export function summarize(samples: readonly number[]): Distribution {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0]!,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
  };
}

/** Linear interpolation between closest ranks (the R-7 / NumPy default), on sorted input. */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}

/**
 * Ratio of two paired runs' medians, with the spread of the per-pair ratios: runs are interleaved,
 * so pair i of both series saw the same machine load.
 */
export function pairedRatio(subject: readonly number[], baseline: readonly number[]): { ofMedians: number; perPair: Distribution } {
  const pairs = Math.min(subject.length, baseline.length);
  const ratios = Array.from({ length: pairs }, (_, i) => subject[i]! / baseline[i]!);
  return { ofMedians: summarize(subject).median / summarize(baseline).median, perPair: summarize(ratios) };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
