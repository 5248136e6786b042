import { spawn } from 'node:child_process';
import { Kafka, logLevel } from '@ecommerce/platform';
import { MongoClient } from 'mongodb';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNodeFlags } from '../node-flags';

const cli = join(__dirname, '..', '..', 'bin', 'ecommerce');

export interface ComponentProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far (JSON log lines). */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** One `ecommerce <command>` OS process, as a deployment would run it (`start` with the Node flags `npm start` gives it). */
export function startComponent(command: string[], env: Record<string, string>): ComponentProcess {
  // Node flags for the components only, e.g. COMPONENT_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile them under the bench.
  const nodeArgs = (process.env.COMPONENT_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...(command[0] === 'start' ? startNodeFlags : []), ...nodeArgs, cli, ...command], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  // 'close', not 'exit': its last output has been read by then (a process that exited during a start prints why);
  // bounded, in case something it started still holds its pipes.
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('exit', () => setTimeout(resolve, 2000).unref());
  });
  return {
    child,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function waitUntil(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The first port of the kernel's ephemeral range (Linux's `ip_local_port_range`; the IANA range
 * elsewhere): every `listen(0)` and every outgoing connection gets its port from there.
 */
export function ephemeralRangeStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(first) && first > 2_048) return first;
  } catch {
    // not Linux
  }
  return 49_152;
}

const canListen = (port: number) => new Promise<boolean>((resolve) => {
  const server = createServer();
  server.once('error', () => resolve(false));
  server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
});

/**
 * Ports the environment names (`KAFKA_BROKERS`, `MONGO_URL`, `*_PORT`, …): a server of the run that
 * is down when a port is picked (the torture stops the broker and the read store) comes back on its own.
 */
const environmentPorts = (): Set<number> =>
  new Set(Object.values(process.env).flatMap((value) => [...(value ?? '').matchAll(/(?:^|:)(\d{2,5})(?=$|[/,?\s])/g)].map((match) => Number(match[1]))));

/** Every port this process handed out: never twice, even to callers picking at once. */
const handedOut = new Set<number>();

/**
 * A loopback port free right now, for a component to listen on, from below the ephemeral range.
 * A port from `listen(0)` is closed again before the component binds it, seconds later; meanwhile
 * the run's other processes take ports of that range (their health servers on `METRICS_PORT=0`,
 * every outgoing connection), and one was once given the query API's: the gateway's requests got
 * a health server's 404. Below the range, the ports the environment names left out, it is taken
 * only by another process's pick.
 */
export async function freePort(): Promise<number> {
  const high = ephemeralRangeStart();
  const low = Math.max(1_024, Math.min(10_000, high - 5_000));
  const reserved = environmentPorts();
  for (let tries = 0; tries < 200; tries += 1) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (reserved.has(port) || handedOut.has(port)) continue;
    handedOut.add(port);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free loopback port between ${low} and ${high} after 200 tries`);
}

/** Drops this run's MongoDB database, then its consumer groups and topics: the servers outlive a run (a bench, an e2e test) and are shared: every run's topics left behind slow the broker down for the next ones. */
export async function removeRunFromServers(servers: Record<string, string>, database: string, namespace: string): Promise<void> {
  if (servers.MONGO_URL) {
    const mongo = new MongoClient(servers.MONGO_URL, { serverSelectionTimeoutMS: 5000 });
    await mongo.connect().then(() => mongo.db(database).dropDatabase()).finally(() => mongo.close());
  }
  if (!servers.KAFKA_BROKERS) return;
  const kafka = new Kafka({ clientId: 'bench-cleanup', brokers: (servers.KAFKA_BROKERS ?? '').split(','), logLevel: logLevel.NOTHING });
  const kafkaAdmin = kafka.admin();
  await kafkaAdmin.connect();
  try {
    const topics = (await kafkaAdmin.listTopics()).filter((topic) => topic.startsWith(namespace));
    const groups = (await kafkaAdmin.listGroups()).groups.map((group) => group.groupId).filter((group) => group.startsWith(namespace));
    // a group a killed consumer has not left yet cannot be deleted: its topics still are
    const groupsLeft = groups.length > 0 ? await kafkaAdmin.deleteGroups(groups).then(() => undefined, (error: unknown) => error) : undefined;
    if (topics.length > 0) await kafkaAdmin.deleteTopics({ topics });
    if (groupsLeft) throw groupsLeft;
  } finally {
    await kafkaAdmin.disconnect();
  }
}
