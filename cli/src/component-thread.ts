import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { HealthResult, Logger, Metrics } from '@ecommerce/platform';
import type { Mirror } from '@ecommerce/command-api';
import { componentThreadResourceLimits } from './node-flags';

/** The OS names of the embedded `start`'s component threads: the bench splits a process's CPU by these. */
export const componentThreadNames = ['processors', 'projections'] as const;
export type ComponentThreadName = (typeof componentThreadNames)[number];

/**
 * Names the calling OS thread (Linux keeps 15 bytes of it), so that `top -H` and the bench's
 * per-thread CPU tell the components' threads apart: otherwise each is `node`, like the runtime's
 * own helpers. Where the kernel has no such file the thread keeps its name.
 */
export function nameThisThread(name: ComponentThreadName | 'fixture-thread'): void {
  try {
    fs.writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // Not Linux, or no /proc: the name is only a label.
  }
}

/** A mirror running on a component thread, as its progress messages carry it. */
export interface MirrorProgress {
  checkpoint: number;
  health: HealthResult;
}

type ThreadState = { failure(): string | undefined; running(): boolean };

/** A part's health on a component thread, seen from the main thread: as the thread last posted it, or the thread's failure. */
export function healthSeenFrom(thread: ThreadState, name: string, last: HealthResult | undefined): HealthResult {
  const failure = thread.failure();
  if (failure) return { ok: false, detail: `${name} thread: ${failure.split('\n')[0] ?? failure}` };
  return thread.running() && last ? last : { ok: false, detail: `${name} thread not running` };
}

/** A thread's mirror seen from the main thread (`healthSeenFrom`). */
export function mirrorSeenFrom(thread: ThreadState, name: string, last: () => MirrorProgress | undefined): Pick<Mirror, 'checkpoint' | 'health'> {
  return {
    checkpoint: () => last()?.checkpoint ?? 0,
    health: () => healthSeenFrom(thread, name, last()?.health),
  };
}

/** What every component thread tells the main thread about its life; each adds its own messages. */
export type LifeMessage = { kind: 'started' } | { kind: 'stopped' } | { kind: 'failed'; message: string };

export interface RelayedSample {
  name: string;
  labels: Record<string, string | number | undefined>;
  value: number;
}

/** The metrics a thread's components record, served by the main thread's /metrics: counters as totals, gauges as values. */
const relayedCounters = {
  projection_events_applied_total: 'projectionApplied',
  dlq_messages_total: 'dlqMessages',
  events_appended_total: 'eventsAppended',
  mirror_events_published_total: 'mirrorPublished',
  mirror_events_dead_lettered_total: 'mirrorDeadLettered',
} as const satisfies Record<string, keyof Metrics>;
const relayedGauges = {
  projection_lag_messages: 'projectionLag',
  mirror_lag_events: 'mirrorLag',
} as const satisfies Record<string, keyof Metrics>;
const relayedNames = [...Object.keys(relayedCounters), ...Object.keys(relayedGauges)];

/**
 * In the thread: the relayed metrics' samples (the registry's default ones, memory and open files,
 * are the process's). The mirror's only from the thread that runs it: a gauge never set reads 0,
 * and the other thread's would overwrite the mirror's lag on every relay.
 */
export async function relayedSamples(metrics: Metrics, options: { mirror: boolean }): Promise<RelayedSample[]> {
  const samples: RelayedSample[] = [];
  for (const name of relayedNames) {
    if (!options.mirror && name.startsWith('mirror_')) continue;
    const metric = metrics.registry.getSingleMetric(name);
    if (metric) samples.push(...(await metric.get()).values.map((value) => ({ name, labels: value.labels, value: value.value })));
  }
  return samples;
}

/** In the main thread: counters arrive as totals, and grow by the difference since the last relay. */
export function createMetricsCopier(metrics: Metrics) {
  const lastTotals = new Map<string, number>();
  return (samples: readonly RelayedSample[]) => {
    for (const { name, labels, value } of samples) {
      const defined = Object.fromEntries(Object.entries(labels).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
      if (name in relayedGauges) {
        metrics[relayedGauges[name as keyof typeof relayedGauges]].set(defined, value);
        continue;
      }
      if (!(name in relayedCounters)) continue;
      const key = `${name}\u0000${JSON.stringify(defined)}`;
      const delta = value - (lastTotals.get(key) ?? 0);
      lastTotals.set(key, value);
      if (delta > 0) (metrics[relayedCounters[name as keyof typeof relayedCounters]] as Metrics['dlqMessages']).inc(defined, delta);
    }
  };
}

export interface ComponentThreadOptions<Message> {
  /** Names the thread in errors: "the <name> thread did not start: …". */
  name: string;
  /** The thread's TypeScript entry point. */
  workerFile: string;
  workerData: unknown;
  logger: Logger;
  stopTimeoutMs?: number;
  /** The thread's own messages (all but started, stopped and failed). */
  onMessage(message: Message): void;
  /** The thread failed: at its start (the start rejects too), or later (its components stopped). */
  onFailure?(message: string): void;
}

export interface ComponentThread {
  /** Resolves once the thread says it started; rejects with its reason if it fails first. */
  start(): Promise<void>;
  /** Asks the thread to stop its components, and terminates it if it has not within the stop timeout. */
  stop(): Promise<void>;
  post(message: unknown): void;
  /** Why the thread failed, if it did. */
  failure(): string | undefined;
  running(): boolean;
}

/**
 * A worker thread running some of an embedded `start`'s components on their own event loop (the
 * machine's other core), with the start, failure and stop protocol they share. The thread's
 * sources are TypeScript: it registers tsx itself, as bin/ecommerce does for the process.
 */
export function createComponentThread<Message extends { kind: string }>(options: ComponentThreadOptions<Message>): ComponentThread {
  const { logger, name } = options;
  let worker: Worker | undefined;
  let failure: string | undefined;
  let stopping = false;
  let exited: Promise<void> = Promise.resolve();

  return {
    start() {
      const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(options.workerFile)});`;
      const thread = new Worker(bootstrap, { eval: true, workerData: options.workerData, resourceLimits: componentThreadResourceLimits });
      worker = thread;
      exited = new Promise((resolve) => thread.once('exit', () => resolve()));
      return new Promise<void>((resolve, reject) => {
        let started = false;
        const fail = (message: string) => {
          failure = message;
          options.onFailure?.(message);
          if (!started) return reject(new Error(`the ${name} thread did not start: ${message}`));
          if (!stopping) logger.error({ reason: message }, `the ${name} thread failed: its components stopped`);
        };
        thread.on('message', (message: Message | LifeMessage) => {
          if (message.kind === 'started') {
            started = true;
            resolve();
          } else if (message.kind === 'failed') fail((message as LifeMessage & { kind: 'failed' }).message);
          else if (message.kind !== 'stopped') options.onMessage(message as Message);
        });
        thread.on('error', (error) => fail(error.stack ?? error.message));
        thread.on('exit', (code) => {
          if (!stopping) fail(`exited with code ${code}`);
        });
      });
    },
    async stop() {
      const thread = worker;
      if (!thread) return;
      stopping = true;
      const stopped = new Promise<void>((resolve) => {
        thread.on('message', (message: LifeMessage) => {
          if (message.kind === 'stopped' || message.kind === 'failed') resolve();
        });
        void exited.then(resolve);
      });
      thread.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([stopped.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), options.stopTimeoutMs ?? 15_000)))]);
      clearTimeout(timer);
      if (late) logger.warn(`the ${name} thread did not stop in time: terminated`);
      await thread.terminate();
      await exited;
      worker = undefined;
    },
    post(message) {
      if (!worker) throw new Error(`the ${name} thread is not running`);
      worker.postMessage(message);
    },
    failure: () => failure,
    running: () => worker !== undefined,
  };
}

/**
 * In the thread: runs `start`, says it started (or why it failed), and on 'stop' runs `stop` and
 * says it stopped. Other messages go to `onMessage`.
 */
export function runInThread(port: MessagePort, parts: {
  /** The OS thread's name (`nameThisThread`). */
  name: ComponentThreadName | 'fixture-thread';
  start(): Promise<void>;
  stop(): Promise<void>;
  onMessage?(message: unknown): void;
}): void {
  nameThisThread(parts.name);
  const post = (message: LifeMessage) => port.postMessage(message);
  const failed = (error: unknown) => post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  port.on('message', (message: unknown) => {
    if (message !== 'stop') return parts.onMessage?.(message);
    void parts.stop().then(() => post({ kind: 'stopped' }), failed);
  });
  parts.start().then(() => post({ kind: 'started' }), failed);
}
