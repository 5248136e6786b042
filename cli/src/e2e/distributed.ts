import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadSettings } from '@ecommerce/platform';
import { readActiveVersion } from '@ecommerce/projections';
import { openAdapters } from '../adapters';
import { loginAs, removeDataDir, requestJson, testAdmin, testRateLimits } from './harness';
import type { PlatformUnderTest } from './harness';
import { freePort, removeRunFromServers, startComponent, waitUntil } from './processes';
import type { ComponentProcess } from './processes';

/** The settings of the real servers present in the environment (set by .ci/run). */
export const serverSettings = (): Record<string, string> =>
  Object.fromEntries((['KAFKA_BROKERS', 'MONGO_URL', 'SCHEMA_REGISTRY_URL', 'EVENTSTORE_URL'] as const).flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])));

/**
 * How long the processes of one distributed platform may take to be ready, all of them together.
 * A hang guard, not an expectation (they are ready in 5-15 s on a quiet machine): in CI they start
 * beside the heaviest suites of the other jest worker on two cores and once took two minutes. A
 * suite's start-up hook is bounded by `distributedStartHookMs`.
 */
export const distributedStartBudgetMs = 240_000;
export const distributedStartHookMs = distributedStartBudgetMs + 60_000;

/**
 * The distributed topology: command-api, query-api, mirror, projections and gateway (and, when
 * asked, the processors), each its own OS process, sharing the real servers of the environment
 * (and, where there is no EventStoreDB, one SQLite event store file). The read store must be
 * shared by processes, so MONGO_URL is required. `env` adds settings for every process.
 */
export async function startDistributedPlatform(options: { processors?: boolean; env?: Record<string, string> } = {}): Promise<PlatformUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-distributed-'));
  const [gatewayPort, commandPort, queryPort] = [await freePort(), await freePort(), await freePort()];
  const env: Record<string, string> = {
    ...serverSettings(),
    MONGO_DATABASE: `distributed_${dataDir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '') ?? 'x'}`,
    DATA_DIR: dataDir,
    // runs share the Kafka cluster: each gets its own topics, groups and mirror checkpoint
    LOG_NAMESPACE: `e2e-${dataDir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '') ?? 'x'}.`,
    PARTITIONS: '4',
    LOG_LEVEL: 'info',
    DEMO_CATALOG: 'false',
    HOST: '127.0.0.1',
    METRICS_PORT: '0',
    PORT: String(gatewayPort),
    COMMAND_API_PORT: String(commandPort),
    QUERY_API_PORT: String(queryPort),
    COMMAND_API_URL: `http://127.0.0.1:${commandPort}`,
    QUERY_API_URL: `http://127.0.0.1:${queryPort}`,
    // CI runs these processes beside other suites on two cores: the bound is generous, not the expectation.
    CONSISTENCY_WAIT_MS: '15000',
    ADMIN_EMAIL: testAdmin.email,
    ADMIN_PASSWORD: testAdmin.password,
    ...testRateLimits,
    ...options.env,
  };
  const commands = ['mirror', 'projections', 'command-api', 'query-api', 'gateway', ...(options.processors ? ['processors'] : [])];
  const components: ComponentProcess[] = commands.map((command) => startComponent([command], env));
  const baseUrl = `http://127.0.0.1:${gatewayPort}`;
  const settings = loadSettings(env);
  const adapters = await openAdapters(settings, createLogger({ level: 'silent' }), ['eventStore', 'log', 'readStore', 'registry']);
  const close = async () => {
    if (process.env.E2E_DUMP) for (const component of components) process.stdout.write(`--- ${component.child.spawnargs.slice(-1).join(' ')}\n${component.output().slice(-4000)}\n`);
    for (const component of components) await component.kill();
    await adapters.close();
    await removeRunFromServers(serverSettings(), env.MONGO_DATABASE as string, env.LOG_NAMESPACE as string).catch((error: unknown) => process.stdout.write(`could not remove the run's topics and database: ${String(error)}\n`));
    removeDataDir(dataDir);
  };
  try {
    const up = async (url: string) => (await fetch(url).then((response) => response.ok, () => false));
    const deadline = Date.now() + distributedStartBudgetMs;
    const left = () => Math.max(0, deadline - Date.now());
    // A component that exited will never be ready: say which, at once, rather than wait out the budget.
    const alive = () => {
      const dead = components.find((component) => component.child.exitCode !== null || component.child.signalCode !== null);
      if (dead) throw new Error(`${dead.child.spawnargs.at(-1)} exited (${dead.child.exitCode ?? dead.child.signalCode}) while the platform started`);
      return true;
    };
    await waitUntil(async () => alive() && (await up(`${baseUrl}/health`)) && (await up(`${env.COMMAND_API_URL}/health`)) && (await up(`${env.QUERY_API_URL}/health`)), 'the HTTP components', left(), 250);
    await waitUntil(() => alive() && (components[0]?.output().includes('mirror caught up') ?? false), 'the mirror', left());
    await waitUntil(() => alive() && /projection (resuming|starting)/.test(components[1]?.output() ?? ''), 'the projections', left());
    if (options.processors) await waitUntil(() => alive() && (components[5]?.output().includes('processors running') ?? false), 'the processors', left());
  } catch (error) {
    // Stopped first, so that the output printed is all there is (a component that exited may not have been read to its end).
    for (const component of components) await component.kill();
    for (const component of components) process.stdout.write(`--- ${component.child.spawnargs.slice(-1).join(' ')} (${component.child.exitCode ?? component.child.signalCode})\n${component.output().slice(-2000)}\n`);
    await close();
    throw error;
  }
  const adminToken = await loginAs(baseUrl, testAdmin.email, testAdmin.password);
  return {
    baseUrl,
    eventStore: adapters.eventStore,
    log: adapters.log,
    readStore: adapters.readStore,
    registry: adapters.registry,
    serde: adapters.serde,
    request: (method, path, options) => requestJson(baseUrl, method, path, options, adminToken),
    // the projections process polls the active version each second; the read with a token that follows proves it switched
    async projectionSwitched(projection, version) {
      await waitUntil(async () => (await readActiveVersion(adapters.readStore, projection)).version === version, `${projection} v${version} active`, 10_000);
      await waitUntil(() => components[1]?.output().includes('switched to the rebuilt version') ?? false, `the projections process to follow v${version}`, 15_000);
    },
    close,
  };
}
