import { freePort, startComponent } from '../e2e/processes';
import type { ComponentProcess } from '../e2e/processes';
import { waitFor } from '../bench/wait-for';
import { sleep } from '../bench/rate';

/** The admin the components create at start-up, who creates the products. */
export const tortureAdmin = { email: 'torture-admin@torture.test', password: 'Basalt-Harbour-Passphrase-83' };

/** Two processors and two projections in their consumer groups; one of each other component. */
const instances = [
  ['command-api', 'command-api'], ['query-api', 'query-api'], ['mirror', 'mirror'],
  ['processors-1', 'processors'], ['processors-2', 'processors'], ['projections-1', 'projections'], ['projections-2', 'projections'],
  ['gateway', 'gateway'],
] as const;

export type InstanceName = (typeof instances)[number][0];

export interface InstanceRecord {
  /** SIGKILLs by the chaos loop. */
  kills: number;
  /** Exits nobody asked for (a component giving up on a server outage, say), each restarted by the supervisor. */
  crashes: number;
  /** The last lines a crashed instance wrote, for the report. */
  lastCrash?: string;
}

export interface TortureTopology {
  baseUrl: string;
  /** Every setting the components run with: the checks open the same stores with it. */
  env: Record<string, string>;
  records: Record<InstanceName, InstanceRecord>;
  /** SIGKILL, stay dead `downMs`, start again. */
  kill(name: InstanceName, downMs: number): Promise<void>;
  waitUntilHealthy(timeoutMs: number): Promise<void>;
  /** The instances whose /health does not answer 200, with what it said. */
  unhealthy(): Promise<Record<string, string>>;
  /** What each instance wrote last (its current process), for a failure's report. */
  tails(chars: number): Record<string, string>;
  stop(): Promise<void>;
}

// the load logs in and registers far faster than any real client: the limits would refuse the load itself
const unlimitedAuth = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000', RATE_LIMIT_REGISTER_PER_MINUTE: '1000000', RATE_LIMIT_REFRESH_PER_MINUTE: '1000000', RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000' };

/** SIGTERM for a graceful shutdown, SIGKILL after 15 s so a stuck component never hangs the run. */
async function stopGently(component: ComponentProcess): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([component.kill('SIGTERM').then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), 15_000)))]);
  clearTimeout(timer);
  if (late) await component.kill('SIGKILL');
}

/**
 * The distributed topology as OS processes on the environment's Kafka, registry and MongoDB-wire
 * server, with a supervisor: an instance that exits on its own is counted and started again, as a
 * process manager would, so the run measures recovery rather than stopping at the first crash.
 */
export async function startTortureTopology(options: { dir: string; servers: Record<string, string>; run: string }): Promise<TortureTopology> {
  const ports: Record<InstanceName, number> = Object.fromEntries(await Promise.all(instances.map(async ([name]) => [name, await freePort()] as const))) as Record<InstanceName, number>;
  const env: Record<string, string> = {
    ...options.servers, ...unlimitedAuth,
    DATA_DIR: options.dir, HOST: '127.0.0.1', DEMO_CATALOG: 'false', LOG_LEVEL: 'warn',
    ADMIN_EMAIL: tortureAdmin.email, ADMIN_PASSWORD: tortureAdmin.password, ACCESS_TOKEN_TTL_SECONDS: '3600',
    // runs share the servers: their own topics, groups, mirror checkpoint and database
    LOG_NAMESPACE: `torture-${options.run}.`, MONGO_DATABASE: `torture_${options.run}`,
    PARTITIONS: '4', CONSISTENCY_WAIT_MS: '8000',
    // no confirmed order may expire while components are down: the run's ends are confirmed or rejected
    PAYMENT_WINDOW_MS: '3600000',
    PORT: String(ports.gateway), COMMAND_API_PORT: String(ports['command-api']), QUERY_API_PORT: String(ports['query-api']),
    COMMAND_API_URL: `http://127.0.0.1:${ports['command-api']}`, QUERY_API_URL: `http://127.0.0.1:${ports['query-api']}`,
    // `ROUTER_DELIVERY=exactly-once npm run torture` puts the router's transactions through the same chaos (CI runs both)
    ...(process.env.ROUTER_DELIVERY ? { ROUTER_DELIVERY: process.env.ROUTER_DELIVERY } : {}),
  };
  const commandOf = Object.fromEntries(instances) as Record<InstanceName, string>;
  // the HTTP services answer /health on their own port; the consumers on their metrics port
  const envOf = (name: InstanceName) => ({ ...env, METRICS_PORT: ['command-api', 'query-api', 'gateway'].includes(name) ? '0' : String(ports[name]) });
  const healthUrls = Object.fromEntries(instances.map(([name]) => [name, `http://127.0.0.1:${ports[name]}/health`])) as Record<InstanceName, string>;
  const records = Object.fromEntries(instances.map(([name]) => [name, { kills: 0, crashes: 0 }])) as Record<InstanceName, InstanceRecord>;
  const running = new Map<InstanceName, ComponentProcess>();
  /** Instances being killed or stopped on purpose: their exit is no crash. */
  const expected = new Set<InstanceName>();
  let stopping = false;

  const launch = (name: InstanceName) => {
    const component = startComponent([commandOf[name]], envOf(name));
    running.set(name, component);
    component.child.once('exit', () => {
      if (stopping || expected.has(name) || running.get(name) !== component) return;
      records[name].crashes += 1;
      records[name].lastCrash = component.output().slice(-1500);
      setTimeout(() => {
        if (!stopping && running.get(name) === component) launch(name);
      }, 1000);
    });
  };
  for (const [name] of instances) launch(name);

  const unhealthy = async (): Promise<Record<string, string>> => {
    const check = async ([name, url]: [string, string]) => fetch(url, { signal: AbortSignal.timeout(3000) }).then(
      async (response) => (response.ok ? [] : [[name, `${response.status} ${(await response.text()).slice(0, 400)}`]]),
      (error: unknown) => [[name, error instanceof Error ? error.message : String(error)]],
    );
    return Object.fromEntries((await Promise.all(Object.entries(healthUrls).map(check))).flat());
  };

  return {
    baseUrl: `http://127.0.0.1:${ports.gateway}`,
    env,
    records,
    async kill(name, downMs) {
      const component = running.get(name);
      if (!component || stopping) return;
      expected.add(name);
      try {
        await component.kill('SIGKILL');
        records[name].kills += 1;
        await sleep(downMs);
        if (!stopping) launch(name);
      } finally {
        expected.delete(name);
      }
    },
    unhealthy,
    async waitUntilHealthy(timeoutMs) {
      let sick: Record<string, string> = {};
      await waitFor(async () => Object.keys((sick = await unhealthy())).length === 0, { what: 'every component healthy', timeoutMs, pollMs: 500 }).catch((error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}; not healthy: ${Object.entries(sick).map(([name, said]) => `${name} ${said}`).join('; ')}`);
      });
    },
    tails: (chars) => Object.fromEntries([...running].map(([name, component]) => [name, component.output().slice(-chars)])),
    async stop() {
      stopping = true;
      await Promise.all([...running.values()].map(stopGently));
    },
  };
}
