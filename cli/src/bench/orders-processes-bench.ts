import { join } from 'node:path';
import { openSqliteEventStore } from '@ecommerce/platform';
import type { EventStore, Logger } from '@ecommerce/platform';
import { createBenchHttpClient } from './bench-http-client';
import { createOrdersFixtures } from './orders-fixtures';
import { runOrdersPhase } from './orders-phase';
import { serverSettingsFor, startOrdersTopology, stopOrdersTopology, topologyPids, waitUntilHealthy } from './orders-topology';
import type { OrdersTopologyMode } from './orders-topology';
import type { Figure, SectionResult } from './report';
import { withTempDir } from './temp-dir';

/**
 * Orders end to end with the platform as OS processes, as deployed: one `ecommerce start`
 * (embedded) or the six distributed components on the Kafka, registry and MongoDB of the
 * environment. The load comes from this process over HTTP through the gateway; latency is read
 * from each order's stream in the shared SQLite event store; CPU and memory of every process,
 * this one included, from /proc over each phase.
 */
export async function benchOrdersAsProcesses(options: { mode: OrdersTopologyMode; ratePerSecond: number; seconds: number; logger: Logger }): Promise<SectionResult> {
  const servers = serverSettingsFor(options.mode);
  return withTempDir(`orders-${options.mode}`, async (dir) => {
    const topology = await startOrdersTopology(options.mode, dir, servers);
    const client = createBenchHttpClient(topology.baseUrl, 64);
    // polls on their own connections: queued behind them, the orders' POSTs would measure the polling
    const poller = createBenchHttpClient(topology.baseUrl, 16);
    let eventStore: EventStore | undefined;
    try {
      await waitUntilHealthy(topology, options.mode);
      eventStore = openSqliteEventStore(join(dir, 'events.db'));
      const fixtures = await createOrdersFixtures(client);
      const pids = topologyPids(topology);
      const base = { mode: options.mode, logger: options.logger, client, poller, eventStore, ...fixtures, pids };
      // warm up: the whole pipeline (consumer groups joined, JIT warm) before anything is measured
      await runOrdersPhase({ ...base, items: 1, ratePerSecond: 20, seconds: 1 });
      const figures: Figure[] = [];
      const details: Record<string, unknown> = { mode: options.mode, pids, ratePerSecond: options.ratePerSecond, seconds: options.seconds };
      for (const items of [1, 3]) {
        options.logger.info({ mode: options.mode, items, rate: options.ratePerSecond }, 'orders bench: phase');
        const outcome = await runOrdersPhase({ ...base, items, ratePerSecond: options.ratePerSecond, seconds: options.seconds });
        figures.push(...outcome.figures);
        details[`${items}-item`] = outcome.details;
      }
      return { figures, details };
    } catch (error) {
      // What each component said last is what explains a stuck pipeline.
      for (const [name, component] of Object.entries(topology.processes)) options.logger.error({ component: name, output: component.output().slice(-3000) }, 'orders bench failed: the component\'s last output');
      throw error;
    } finally {
      client.close();
      poller.close();
      await eventStore?.close();
      await stopOrdersTopology(topology);
      await topology.cleanup().catch((error: unknown) => options.logger.warn({ err: error }, 'orders bench: cleaning the shared servers failed'));
    }
  });
}
