import { sleep } from '../bench/rate';
import { infraScript } from './infra';
import type { ChaosAction } from './schedule';
import type { TortureTopology } from './topology';
import type { TortureReport } from './summary';

type Done = TortureReport['chaos']['done'][number];

export interface ChaosOutcome {
  done: Done[];
  brokerRestarts: number;
  brokerDownSeconds: number | null;
  readStoreOutageSeconds: number | null;
}

/**
 * Plays the schedule from `startedMs` (a performance.now() reading): each action at its moment,
 * without waiting for the one before to finish (a kill's restart, the broker coming back), so
 * faults overlap as they would. A failed action is recorded and the loop goes on.
 */
export async function playChaos(options: { schedule: readonly ChaosAction[]; topology: TortureTopology; env: NodeJS.ProcessEnv; startedMs: number; log: (line: string) => void }): Promise<ChaosOutcome> {
  const outcome: ChaosOutcome = { done: [], brokerRestarts: 0, brokerDownSeconds: null, readStoreOutageSeconds: null };
  const running: Array<Promise<void>> = [];
  const perform = async (action: ChaosAction, what: string, work: () => Promise<void>) => {
    const started = performance.now();
    const at = new Date().toISOString();
    options.log(`chaos +${Math.round(started - options.startedMs)} ms: ${what}`);
    try {
      await work();
      outcome.done.push({ atMs: action.atMs, at, what, tookMs: Math.round(performance.now() - started) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log(`chaos: ${what} failed: ${message}`);
      outcome.done.push({ atMs: action.atMs, at, what, tookMs: Math.round(performance.now() - started), error: message });
    }
  };
  for (const action of options.schedule) {
    const wait = options.startedMs + action.atMs - performance.now();
    if (wait > 0) await sleep(wait);
    switch (action.kind) {
      case 'kill':
        running.push(perform(action, `SIGKILL ${action.target}, restart after ${action.downMs} ms`, () => options.topology.kill(action.target, action.downMs)));
        break;
      case 'broker-restart':
        running.push(perform(action, 'restart the Kafka broker', async () => {
          const stopped = performance.now();
          await infraScript('kafka', 'stop', options.env);
          await infraScript('kafka', 'start', options.env);
          outcome.brokerRestarts += 1;
          outcome.brokerDownSeconds = Math.round((performance.now() - stopped) / 100) / 10;
        }));
        break;
      case 'read-store-outage':
        running.push(perform(action, `stop the MongoDB-wire server for ${action.downMs / 1000} s`, async () => {
          const stopped = performance.now();
          await infraScript('ferretdb', 'stop', options.env);
          await sleep(action.downMs);
          await infraScript('ferretdb', 'start', options.env);
          outcome.readStoreOutageSeconds = Math.round((performance.now() - stopped) / 100) / 10;
        }));
        break;
    }
  }
  await Promise.all(running);
  outcome.done.sort((a, b) => a.atMs - b.atMs);
  return outcome;
}
