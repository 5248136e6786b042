import { parentPort, workerData } from 'node:worker_threads';
import { createLogger, createMetrics, startCheckpoints } from '@ecommerce/platform';
import type { ReadStore } from '@ecommerce/platform';
import type { Mirror } from '@ecommerce/command-api';
import { allProjections, createProjectionsHost } from '@ecommerce/projections';
import type { ProjectionsHost } from '@ecommerce/projections';
import { openAdapters } from './adapters';
import { startMirrorFromSettings } from './mirror-from-settings';
import type { Adapters } from './adapters';
import { relayedSamples, runInThread } from './component-thread';
import type { ProjectionsThreadData, ThreadMessage } from './projections-thread-messages';
import { answerReadCall, pushingCheckpoints } from './thread-read-store';
import type { ReadCall } from './thread-read-store';

/**
 * The projections of an embedded `start`, and its mirror when the processors have a thread of
 * their own (`withMirror`), on their own thread: their own connections to the log, the read store,
 * the registry and (for the mirror) the event store files, their own event loop on the machine's
 * other core. The read store lives here (the embedded one is held in memory by the thread that
 * writes it): the main thread's queries are answered over the port. Status, the mirror's
 * checkpoint, the metrics and failures are posted to it.
 */
const port = parentPort;
if (!port) throw new Error('projections-thread-worker runs only as a worker thread');
const { settings, logLevel, relayEveryMs, withMirror, logPollIntervalMs, checkpointFiles } = workerData as ProjectionsThreadData;
const post = (message: ThreadMessage) => port.postMessage(message);
const logger = createLogger({ level: logLevel, name: 'ecommerce' }).child({ component: 'projections-thread' });
const metrics = createMetrics();
let adapters: Adapters | undefined;
let readStore: ReadStore | undefined;
let host: ProjectionsHost | undefined;
let mirror: Mirror | undefined;
let checkpoints: ReturnType<typeof startCheckpoints> | undefined;
let timer: NodeJS.Timeout | undefined;
/** Calls that came before the store opened, answered once it has. */
const early: ReadCall[] = [];
const answer = (store: ReadStore, call: ReadCall) => void answerReadCall(store, call).then(post);

const relay = async () => {
  if (host) post({ kind: 'progress', status: host.status(), mirror: mirror && { checkpoint: mirror.checkpoint(), health: mirror.health() }, samples: await relayedSamples(metrics, { mirror: Boolean(mirror) }) });
};
const close = async () => {
  await mirror?.stop();
  checkpoints?.stop();
  await adapters?.close();
};

runInThread(port, {
  name: 'projections',
  async start() {
    adapters = await openAdapters(settings, logger, withMirror ? ['eventStore', 'log', 'readStore', 'registry'] : ['log', 'readStore', 'registry'], { logPollIntervalMs });
    checkpoints = startCheckpoints(checkpointFiles);
    // The projections' progress goes to the main thread as it is written: its consistency waits read it there.
    readStore = pushingCheckpoints(adapters.readStore, post);
    for (const call of early.splice(0)) answer(readStore, call);
    host = createProjectionsHost({ projections: allProjections, log: adapters.log, serde: adapters.serde, readStore, logger, metrics, batchWindowMs: settings.PROJECTION_BATCH_WINDOW_MS, partitionsAtOnce: settings.PROJECTION_PARTITIONS_AT_ONCE });
    try {
      if (withMirror) {
        mirror = await startMirrorFromSettings(settings, adapters, logger, metrics);
      }
      await host.start();
    } catch (error) {
      await close();
      throw error;
    }
    await relay();
    timer = setInterval(() => void relay().catch((error: unknown) => logger.warn({ err: error }, 'could not relay the projections progress')), relayEveryMs);
  },
  async stop() {
    clearInterval(timer);
    await host?.stop();
    await relay().catch(() => undefined);
    await close();
  },
  onMessage(message) {
    if (readStore) answer(readStore, message as ReadCall);
    else early.push(message as ReadCall);
  },
});
