import fs from 'node:fs';
import path from 'node:path';
import { Kafka, createKafkaLog, createNamespacedLog, defaultPartitions, logLevel, openEmbeddedLog } from '@ecommerce/platform';
import type { Log } from '@ecommerce/platform';
import { freePort, removeRunFromServers, startComponent } from '../e2e/processes';
import type { ComponentProcess } from '../e2e/processes';
import { benchAdmin } from './orders-fixtures';
import { waitFor } from './wait-for';

export type OrdersTopologyMode = 'embedded' | 'kafka';

/** The partitions a topology's topics get: `PARTITIONS` as passed to it, or the platform's default for its log. */
export const topicPartitionsOf = (mode: OrdersTopologyMode): number =>
  Number(process.env.PARTITIONS) || defaultPartitions(mode === 'kafka');

/** The platform as OS processes, as deployed, with where to reach it. */
export interface OrdersTopology {
  baseUrl: string;
  /** Each process's /health, by component name. */
  healthUrls: Record<string, string>;
  processes: Record<string, ComponentProcess>;
  /** Undoes what only this run created on shared servers. */
  cleanup: () => Promise<void>;
  /** The platform's log as its components see it, for the bench to read (never to write). */
  openLog?: () => Log;
}

const serverSettingNames = ['KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL', 'MONGO_URL'] as const;
// the bench logs in and registers far faster than any real client: the limits would measure themselves
const unlimitedAuth = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000', RATE_LIMIT_REGISTER_PER_MINUTE: '1000000', RATE_LIMIT_REFRESH_PER_MINUTE: '1000000', RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000' };
const distributedComponents = ['command-api', 'query-api', 'mirror', 'processors', 'projections', 'gateway'] as const;

/** The shared servers' settings the kafka topology needs and the environment lacks. */
export const missingServerSettings = (): string[] => serverSettingNames.filter((name) => !process.env[name]);

/** The shared servers' settings found in the environment; the kafka topology cannot start without all of them. */
export function serverSettingsFor(mode: OrdersTopologyMode): Record<string, string> {
  const missing = missingServerSettings();
  if (mode === 'kafka' && missing.length > 0) throw new Error(`orders (kafka) needs ${missing.join(', ')} in the environment`);
  return Object.fromEntries(serverSettingNames.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])));
}

/** Settings of the bench's environment that reach the components, to compare their effects. */
const passedSettings = ['PARTITIONS', 'PROJECTIONS_THREAD', 'PROCESSORS_THREAD', 'PROJECTION_BATCH_WINDOW_MS', 'PROJECTION_PARTITIONS_AT_ONCE', 'ROUTER_UNITS', 'ROUTER_DELIVERY', 'KAFKA_COMMIT_INTERVAL_MS'] as const;

const componentEnv = (dir: string) => ({
  DATA_DIR: dir, HOST: '127.0.0.1', DEMO_CATALOG: 'false', LOG_LEVEL: 'warn', ADMIN_EMAIL: benchAdmin.email, ADMIN_PASSWORD: benchAdmin.password,
  ACCESS_TOKEN_TTL_SECONDS: '3600', ...unlimitedAuth,
  // `PROJECTIONS_THREAD=false npm run bench -- --only orders` measures the embedded start without its projections thread (`PROCESSORS_THREAD=false`: its processors thread),
  // `PROJECTION_BATCH_WINDOW_MS=0 …` the projections without their batch window, `PROJECTION_PARTITIONS_AT_ONCE=1 …` each projection a partition at a time (Kafka)
  // `PARTITIONS=8 …` the topics' partitions (default 2 embedded, 8 on Kafka), `ROUTER_UNITS=8 …` close to the router's transaction per partition batch of before its units,
  // `ROUTER_DELIVERY=exactly-once …` the router in Kafka transactions, and `KAFKA_COMMIT_INTERVAL_MS=0 …` a commit after every batch (Kafka)
  ...Object.fromEntries(passedSettings.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : []))),
});

async function startEmbedded(dir: string): Promise<OrdersTopology> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  return { baseUrl, healthUrls: { start: `${baseUrl}/health` }, processes: { start: startComponent(['start'], { ...componentEnv(dir), PORT: String(port) }) }, cleanup: async () => undefined, openLog: () => openEmbeddedLog(path.join(dir, 'log.db')) };
}

async function startKafka(dir: string, servers: Record<string, string>): Promise<OrdersTopology> {
  // the temp dir's random suffix names this run on the shared servers, so runs never see each other's data
  const run = dir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '') ?? 'x';
  const namespace = `bench-${run}.`;
  const database = `bench_orders_${run}`;
  const ports = { gateway: await freePort(), command: await freePort(), query: await freePort(), mirror: await freePort(), processors: await freePort(), projections: await freePort() };
  const env = {
    ...componentEnv(dir), ...servers, MONGO_DATABASE: database, LOG_NAMESPACE: namespace, CONSISTENCY_WAIT_MS: '8000',
    PORT: String(ports.gateway), COMMAND_API_PORT: String(ports.command), QUERY_API_PORT: String(ports.query),
    COMMAND_API_URL: `http://127.0.0.1:${ports.command}`, QUERY_API_URL: `http://127.0.0.1:${ports.query}`,
  };
  const processes: Record<string, ComponentProcess> = {};
  for (const command of distributedComponents) {
    // the HTTP services answer /health on their own port; the consumers only have the metrics port for it
    const metricsPort = command === 'mirror' || command === 'processors' || command === 'projections' ? ports[command] : 0;
    processes[command] = startComponent([command], { ...env, METRICS_PORT: String(metricsPort) });
  }
  const healthUrls = Object.fromEntries(Object.entries({ gateway: ports.gateway, 'command-api': ports.command, 'query-api': ports.query, mirror: ports.mirror, processors: ports.processors, projections: ports.projections })
    .map(([name, port]) => [name, `http://127.0.0.1:${port}/health`]));
  const openLog = () => createNamespacedLog(createKafkaLog(new Kafka({ clientId: 'bench-reader', brokers: (servers.KAFKA_BROKERS ?? '').split(','), logLevel: logLevel.NOTHING })), namespace);
  return { baseUrl: `http://127.0.0.1:${ports.gateway}`, healthUrls, processes, cleanup: () => removeRunFromServers(servers, database, namespace), openLog };
}

export function startOrdersTopology(mode: OrdersTopologyMode, dir: string, servers: Record<string, string>): Promise<OrdersTopology> {
  return mode === 'kafka' ? startKafka(dir, servers) : startEmbedded(dir);
}

/** Waits for every health URL, giving up at once with a component's output when one exits. */
export async function waitUntilHealthy(topology: OrdersTopology, mode: OrdersTopologyMode): Promise<void> {
  const failure = () => {
    const gone = Object.entries(topology.processes).find(([, component]) => component.child.exitCode !== null || component.child.signalCode !== null);
    return gone ? `${gone[0]} exited: ${gone[1].output().slice(-2000)}` : undefined;
  };
  // what the unhealthy ones said last: on a timeout, that names the component holding the others up
  let unhealthy: string[] = [];
  const sick = ([name, url]: [string, string]) => fetch(url).then(
    async (response) => (response.ok ? [] : [`${name} ${response.status} ${(await response.text()).slice(0, 300)}`]),
    (error: unknown) => [`${name} ${error instanceof Error ? error.message : String(error)}`],
  );
  const allHealthy = async () => (unhealthy = (await Promise.all(Object.entries(topology.healthUrls).map(sick))).flat()).length === 0;
  await waitFor(allHealthy, { what: `the ${mode} processes healthy`, timeoutMs: 120_000, pollMs: 250, failure }).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; not healthy: ${unhealthy.join('; ')}`);
  });
}

/** SIGTERM for a graceful shutdown, SIGKILL after 15 s so a stuck component never hangs the bench. */
async function stopProcess(component: ComponentProcess): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([component.kill('SIGTERM').then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), 15_000)))]);
  clearTimeout(timer);
  if (late) await component.kill('SIGKILL');
}

export async function stopOrdersTopology(topology: OrdersTopology): Promise<void> {
  await Promise.all(Object.values(topology.processes).map(stopProcess));
}

/**
 * The servers `scripts/infra` started, by the pid files it keeps (ECOMMERCE_INFRA_DATA, default
 * data/infra): their CPU is most of what the Kafka topology's "other processes" spend. Servers
 * started some other way are not named, only counted in that remainder.
 */
export function infraServerPids(): Record<string, number> {
  const dir = process.env.ECOMMERCE_INFRA_DATA ?? path.resolve(__dirname, '../../../data/infra');
  const servers = { 'kafka broker': 'kafka/kafka.pid', ferretdb: 'ferretdb/ferretdb.pid', 'schema registry': 'registry/registry.pid' };
  return Object.fromEntries(Object.entries(servers).flatMap(([name, file]) => {
    const pid = Number.parseInt(readFileOr(path.join(dir, file)), 10);
    return Number.isInteger(pid) && fs.existsSync(`/proc/${pid}/stat`) ? [[name, pid]] : [];
  }));
}

const readFileOr = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** Each process's pid by component name, plus this process as `bench`: the load generator's own cost is measured too. */
export function topologyPids(topology: OrdersTopology, mode: OrdersTopologyMode): Record<string, number> {
  return { ...Object.fromEntries(Object.entries(topology.processes).map(([name, component]) => [name, component.child.pid as number])), bench: process.pid, ...(mode === 'kafka' ? infraServerPids() : {}) };
}
