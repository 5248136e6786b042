/**
 * The batch window of a consumer (`ConsumerOptions.batchWindowMs`) on Kafka: after a fetch that
 * brought records, the next fetch from that broker waits until the window has passed since it
 * answered, so that what arrives meanwhile comes in one fetch, as a few larger batches (a handler
 * call, an offset commit and, for a read model, a write each) instead of many small ones. A fetch
 * cannot do this itself: it answers at its first record, and one that waits for the window (its
 * maxWait) makes an idle member ask every window. After a fetch that brought nothing (or left a
 * backlog) the next one goes at once, so an idle member still waits on its long fetch and the
 * first record after a quiet spell is handled at once. kafkajs has no hook before a fetch: its
 * consumer runner's `fetch` is wrapped, and paces the consumers whose batch handler carries a
 * pacing (`withFetchPacing`).
 */

/** What the pacing needs of a kafkajs batch: whether it holds records, and how many the partition has past it. */
interface FetchedBatch {
  isEmpty(): boolean;
  offsetLag(): string;
}

/** What the pacing needs of kafkajs's (internal) consumer Runner class: one per running consumer. */
export interface RunnerClass {
  prototype: { fetch(nodeId: number): Promise<FetchedBatch[]> };
}

interface RunnerState {
  running: boolean;
  eachBatch?: unknown;
  heartbeat(): Promise<void>;
}

/** The runner a pacing waits for: its heartbeats go on while it waits; a rebalance (a heartbeat that throws) ends the wait. */
interface PacedRunner {
  isRunning(): boolean;
  heartbeat(): Promise<void>;
}

export interface FetchPacing {
  /** Resolves once the next fetch from this broker may go. */
  beforeFetch(nodeId: number, runner: PacedRunner): Promise<void>;
  /** A fetch from this broker answered with these batches. */
  afterFetch(nodeId: number, batches: readonly FetchedBatch[]): void;
  /** Paces the fetches from now on (the consumer starts). */
  start(): void;
  /** Ends every wait at once; the next fetch from each broker goes at once (a kafkajs consumer is replaced). */
  interrupt(): void;
  /** Interrupts, and paces nothing until started again (the consumer stops). */
  stop(): void;
}

const pacingKey = Symbol('fetchPacing');

type Paced<T> = T & { [pacingKey]?: FetchPacing };

/**
 * `backlog`: a fetch that leaves more records than this behind in a partition (a catch-up, cut
 * short by the fetch's byte limits) is followed at once, as the embedded log reads on while it is
 * behind. Not any record behind: a transaction still open puts the high watermark past what a
 * read_committed fetch may bring, and under load that is nearly always so.
 */
export function createFetchPacing(windowMs: number, heartbeatIntervalMs: number, backlog: number): FetchPacing {
  const broughtAt = new Map<number, number>();
  const waits = new Set<() => void>();
  let pacing = false;
  const interrupt = () => {
    broughtAt.clear();
    for (const end of [...waits]) end();
  };
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const end = () => {
      clearTimeout(timer);
      waits.delete(end);
      resolve();
    };
    const timer = setTimeout(end, ms);
    waits.add(end);
  });
  return {
    async beforeFetch(nodeId, runner) {
      const since = broughtAt.get(nodeId);
      if (since === undefined) return;
      const left = () => (!pacing || !runner.isRunning() || broughtAt.get(nodeId) !== since ? 0 : since + windowMs - performance.now());
      while (left() > 0) {
        await pause(Math.min(left(), heartbeatIntervalMs));
        if (left() > 0) await runner.heartbeat();
      }
    },
    afterFetch(nodeId, batches) {
      const brought = batches.some((batch) => !batch.isEmpty());
      const behind = batches.some((batch) => Number(batch.offsetLag()) > backlog);
      if (pacing && brought && !behind) broughtAt.set(nodeId, performance.now());
      else broughtAt.delete(nodeId);
    },
    start() {
      pacing = true;
    },
    interrupt,
    stop() {
      pacing = false;
      interrupt();
    },
  };
}

/** The batch handler to run a kafkajs consumer with, its fetches paced. */
export function withFetchPacing<T extends (...args: never[]) => Promise<void>>(eachBatch: T, pacing: FetchPacing): T {
  const paced: Paced<T> = ((...args: Parameters<T>) => eachBatch(...args)) as Paced<T>;
  paced[pacingKey] = pacing;
  return paced;
}

const pacedRunners = new WeakSet<RunnerClass>();

export function paceFetches(runner: RunnerClass): void {
  if (pacedRunners.has(runner)) return;
  pacedRunners.add(runner);
  const fetch = runner.prototype.fetch;
  runner.prototype.fetch = async function pacedFetch(this: RunnerState, nodeId: number) {
    const pacing = (this.eachBatch as Paced<object> | undefined)?.[pacingKey];
    if (!pacing) return fetch.call(this, nodeId);
    await pacing.beforeFetch(nodeId, { isRunning: () => this.running, heartbeat: () => this.heartbeat() });
    const batches = await fetch.call(this, nodeId);
    pacing.afterFetch(nodeId, batches);
    return batches;
  };
}
