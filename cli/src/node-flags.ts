/**
 * V8's young generation for the embedded `start`: semi-spaces of 64 MiB instead of 16. Every event
 * an order sends through its pipelines leaves short-lived objects (rows, decoded records,
 * promises), so with the default its threads scavenged every few milliseconds and copied what was
 * still in flight each time. Alternated at 2,000 orders/s offered, confirmed orders/s rose 3–11 %
 * and placed→confirmed p99 fell in every pair (bench/LOG.md).
 *
 * `npm start` passes the flag, as do the bench's and the tests' `start` processes; each component
 * thread of a `start` gets the same young generation through its resource limits, unless the
 * process sets a `--max-semi-space-size` of its own (a process flag overrides a worker's limits).
 * The distributed roles keep V8's default: only the embedded `start` was measured, and their
 * memory limits (deploy/k8s) were sized without it.
 */
export const semiSpaceMb = 64;

/** The Node flags `start` runs with. */
export const startNodeFlags = [`--max-semi-space-size=${semiSpaceMb}`] as const;

/** A worker's young generation is given whole: V8 sizes it as three semi-spaces. */
export const componentThreadResourceLimits = { maxYoungGenerationSizeMb: 3 * semiSpaceMb } as const;
