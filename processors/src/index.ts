/** The processors: the generic actor runtime (router, actor hosts, timers, dead letters), issue #4's actors and routing, and their composition. */
export * from './runtime';
export * from './actors';
export * from './routing';
export { createProcessors } from './processors';
export type { Processors, ProcessorsOptions, ProcessorsSettings } from './processors';
