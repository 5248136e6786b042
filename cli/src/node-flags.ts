/**
 * V8's young generation for the platform's processes and threads: semi-spaces of 64 MiB instead of
 * 16. Every event an order sends through the embedded pipelines leaves short-lived objects (rows,
 * decoded records, promises), so with the default the threads scavenged every few milliseconds
 * and copied what was still in flight each time. Alternated at 2,000 orders/s offered, confirmed
 * orders/s rose 3–10 % and placed→confirmed p99 fell by a quarter (README, benchmark table).
 * A process gets it from its command line (`npm start`, the image's entrypoint, the bench's
 * components); a component thread from its resource limits, however its process was started.
 */
export const semiSpaceMb = 64;

/** The Node flags every platform process is started with. */
export const platformNodeFlags = [`--max-semi-space-size=${semiSpaceMb}`] as const;

/** A worker's young generation is given whole: V8 sizes it as three semi-spaces. */
export const componentThreadResourceLimits = { maxYoungGenerationSizeMb: 3 * semiSpaceMb } as const;
