/** Operations per second over a span measured with performance.now(). */
export const perSecond = (count: number, elapsedMs: number): number => (elapsedMs > 0 ? Math.round((count * 1000) / elapsedMs) : 0);

/** Milliseconds since `startedAt` (a performance.now() reading), rounded to 0.1 ms. */
export const elapsedSince = (startedAt: number): number => Math.round((performance.now() - startedAt) * 10) / 10;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The p-th percentile (nearest rank) of ascending `sorted`; 0 when empty. */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
