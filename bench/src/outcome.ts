/**
 * Every measurement either produced numbers or says why it could not: a missing build or a part of the
 * stack that is not written yet must show up in the report as a reason, never crash `pnpm bench`.
 */
export type Outcome<T> = { status: 'ok'; data: T } | { status: 'unavailable'; reason: string };

export async function attempt<T>(label: string, run: () => Promise<T>): Promise<Outcome<T>> {
  const started = Date.now();
  process.stdout.write(`• ${label} … `);
  try {
    const data = await run();
    console.log(`done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return { status: 'ok', data };
  } catch (error) {
    const reason = reasonOf(error);
    console.log(`not available: ${reason}`);
    return { status: 'unavailable', reason };
  }
}

export function toOutcome<T>(settled: PromiseSettledResult<T>): Outcome<T> {
  return settled.status === 'fulfilled' ? { status: 'ok', data: settled.value } : { status: 'unavailable', reason: reasonOf(settled.reason) };
}

export function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** Thrown for an expected gap (a file not built yet), so the reason reads as a sentence. */
export class Unavailable extends Error {}
