import { parentPort, workerData } from 'node:worker_threads';
import { createLogger, createMetrics } from '@ecommerce/platform';
import type { Mirror } from '@ecommerce/command-api';
import type { Processors } from '@ecommerce/processors';
import { openAdapters } from './adapters';
import type { Adapters } from './adapters';
import { relayedSamples, runInThread } from './component-thread';
import type { ProcessorsThreadData, ProcessorsThreadMessage } from './processors-thread-messages';
import { processorsFromSettings } from './processors-from-settings';
import { startMirrorFromSettings } from './mirror-from-settings';
import type { NotificationSenders } from './providers';

/**
 * The processors of an embedded `start`, and its mirror unless that runs on the projections thread
 * (`withMirror`), on their own thread: their own connections to the event store, the log and the
 * registry files, their own event loop. The main thread keeps the HTTP side and the command API,
 * whose appends wake the thread's subscriptions through the event store file's signal. Health, the
 * mirror's checkpoint and their metrics are posted to it.
 */
const port = parentPort;
if (!port) throw new Error('processors-thread-worker runs only as a worker thread');
const { settings, logLevel, relayEveryMs, withMirror, checkpointElsewhere, eventStorePollIntervalMs, logPollIntervalMs } = workerData as ProcessorsThreadData;
const post = (message: ProcessorsThreadMessage) => port.postMessage(message);
const logger = createLogger({ level: logLevel, name: 'ecommerce' });
const metrics = createMetrics();
let adapters: Adapters | undefined;
let mirror: Mirror | undefined;
let processors: Processors | undefined;
let senders: NotificationSenders | undefined;
let timer: NodeJS.Timeout | undefined;

const relay = async () => {
  if (!processors) return;
  post({ kind: 'progress', mirror: mirror && { checkpoint: mirror.checkpoint(), health: mirror.health() }, processors: processors.health(), samples: await relayedSamples(metrics, { mirror: Boolean(mirror) }) });
};

async function stop(): Promise<void> {
  clearInterval(timer);
  // the processors first (no send in flight), then the SMTP pool, then the mirror
  await processors?.stop();
  await senders?.close();
  await relay().catch(() => undefined);
  await mirror?.stop();
  await adapters?.close();
}

runInThread(port, {
  name: 'processors',
  async start() {
    try {
      adapters = await openAdapters(settings, logger, ['eventStore', 'log', 'registry'], { checkpointElsewhere, eventStorePollIntervalMs, logPollIntervalMs });
      if (withMirror) {
        mirror = await startMirrorFromSettings(settings, adapters, logger, metrics);
      }
      ({ processors, senders } = processorsFromSettings(settings, adapters, logger, metrics));
      await processors.start();
    } catch (error) {
      await stop().catch(() => undefined);
      throw error;
    }
    await relay();
    timer = setInterval(() => void relay().catch((error: unknown) => logger.warn({ err: error }, 'could not relay the processors progress')), relayEveryMs);
  },
  stop,
});
