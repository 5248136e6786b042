import { parentPort, workerData } from 'node:worker_threads';
import { createLogger, createMetrics, startCheckpoints } from '@ecommerce/platform';
import { allProjections, createProjectionsHost } from '@ecommerce/projections';
import { openAdapters } from './adapters';
import { relayedMetricNames } from './projections-thread-messages';
import type { ProjectionsThreadData, RelayedSample, ThreadMessage } from './projections-thread-messages';
import { answerReadCall, pushingCheckpoints } from './thread-read-store';
import type { ReadCall } from './thread-read-store';

/**
 * The projections of an embedded `start`, on their own thread: their own connections to the log,
 * the read store and the registry files, their own event loop on the machine's other core. The read
 * store lives here (the embedded one is held in memory by the thread that writes it): the main
 * thread's queries are answered over the port. Status, the projection metrics and failures are
 * posted to it.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('projections-thread-worker runs only as a worker thread');
  const { settings, logLevel, relayEveryMs, logPollIntervalMs, checkpointFiles } = workerData as ProjectionsThreadData;
  const post = (message: ThreadMessage) => port.postMessage(message);
  const logger = createLogger({ level: logLevel, name: 'ecommerce' }).child({ component: 'projections-thread' });
  const metrics = createMetrics();
  const adapters = await openAdapters(settings, logger, ['log', 'readStore', 'registry'], { logPollIntervalMs });
  const checkpoints = startCheckpoints(checkpointFiles);
  // The projections' progress goes to the main thread as it is written: its consistency waits read it there.
  const readStore = pushingCheckpoints(adapters.readStore, post);
  const host = createProjectionsHost({ projections: allProjections, log: adapters.log, serde: adapters.serde, readStore, logger, metrics, batchWindowMs: settings.PROJECTION_BATCH_WINDOW_MS });

  // Only the projections' own metrics: the registry's default ones (memory, open files) are the process's, served by the main thread.
  const relay = async () => {
    const samples: RelayedSample[] = [];
    for (const name of relayedMetricNames) {
      const metric = metrics.registry.getSingleMetric(name);
      if (metric) samples.push(...(await metric.get()).values.map((value) => ({ name, labels: value.labels, value: value.value })));
    }
    post({ kind: 'progress', status: host.status(), samples });
  };
  let timer: NodeJS.Timeout | undefined = undefined;
  port.on('message', (message: ReadCall | 'stop') => {
    if (message !== 'stop') return void answerReadCall(readStore, message).then(post);
    clearInterval(timer);
    void (async () => {
      await host.stop();
      await relay().catch(() => undefined);
      checkpoints.stop();
      await adapters.close();
      post({ kind: 'stopped' });
    })().catch((error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
  });
  try {
    await host.start();
  } catch (error) {
    checkpoints.stop();
    await adapters.close();
    throw error;
  }
  await relay();
  timer = setInterval(() => void relay().catch((error: unknown) => logger.warn({ err: error }, 'could not relay the projections progress')), relayEveryMs);
  post({ kind: 'started' });
}

main().catch((error: unknown) => parentPort?.postMessage({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ThreadMessage));
