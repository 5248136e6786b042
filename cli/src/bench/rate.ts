/** Operations per second over a span measured with performance.now(). */
export const perSecond = (count: number, elapsedMs: number): number => (elapsedMs > 0 ? Math.round((count * 1000) / elapsedMs) : 0);

/** Milliseconds since `startedAt` (a performance.now() reading), rounded to 0.1 ms. */
export const elapsedSince = (startedAt: number): number => Math.round((performance.now() - startedAt) * 10) / 10;

/** Rounded to one decimal, for the report. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;
export const round2 = (value: number): number => Math.round(value * 100) / 100;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The p-th percentile (nearest rank) of ascending `sorted`; 0 when empty. */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Open loop: calls `launch(index)` for 0 … total-1 at `ratePerSecond`, each at its scheduled time
 * from `startedMs` (a performance.now() reading) whether or not earlier ones finished, so a slow
 * platform shows as latency rather than as a lower offered rate.
 */
export async function onSchedule(total: number, ratePerSecond: number, startedMs: number, launch: (index: number) => void): Promise<void> {
  const interval = 1000 / ratePerSecond;
  for (let index = 0; index < total; index += 1) {
    const wait = startedMs + index * interval - performance.now();
    if (wait > 0) await sleep(wait);
    launch(index);
  }
}
