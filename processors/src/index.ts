/** The processors: the generic actor runtime (router, actor hosts, timers, dead letters). */
export * from './runtime';
