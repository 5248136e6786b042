import { rmSync } from 'node:fs';
import path from 'node:path';
import { createLogger, loadSettings, mirrorCheckpointTopic } from '@ecommerce/platform';
import type { Log, Logger } from '@ecommerce/platform';
import { openAdapters } from '../adapters';
import type { Adapters } from '../adapters';
import { missingServerSettings, serverSettingsFor } from '../bench/orders-topology';
import { sleep } from '../bench/rate';
import { machineInfo } from '../bench/report';
import { withTempDir } from '../bench/temp-dir';
import { removeRunFromServers } from '../e2e/processes';
import { playChaos } from './chaos';
import type { ChaosOutcome } from './chaos';
import { runChecks } from './checks';
import type { ChecksOutcome } from './checks';
import { infraMismatch, infraScript } from './infra';
import { createLagProbe, lagByGroup, stuckPartitions } from './lag';
import type { LagProbe } from './lag';
import { createShop, createTortureClient, runOrderLoad } from './load';
import type { LoadResult } from './load';
import { planTorture } from './plan';
import type { TortureOptions } from './plan';
import { chaosSchedule } from './schedule';
import { formatSummary, writeComponentLogs, writeTortureReport } from './summary';
import type { TortureReport } from './summary';
import { startTortureTopology } from './topology';
import type { InstanceRecord, TortureTopology } from './topology';

/** The settings a run needs; without them it cannot run (exit code 2). */
export function preflight(env: NodeJS.ProcessEnv): string | null {
  const missing = missingServerSettings();
  if (missing.length > 0) return `the torture run needs ${missing.join(', ')} in the environment (scripts/infra/up.sh starts the servers, eval "$(bash scripts/infra/env.sh)" sets them)`;
  const mismatch = infraMismatch(env);
  return mismatch ? `the torture run restarts the broker and FerretDB through scripts/infra, which would act on another server than the run's: ${mismatch}` : null;
}

/** Samples every group's lag while the run lasts, keeping the largest seen. */
function sampleLag(probe: LagProbe, everyMs: number) {
  const max = { total: 0, byGroup: {} as Record<string, number> };
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const sample = await probe.read().catch(() => null);
      if (sample) {
        const lag = lagByGroup(sample);
        max.total = Math.max(max.total, Object.values(lag).reduce((a, b) => a + b, 0));
        for (const [group, value] of Object.entries(lag)) max.byGroup[group] = Math.max(max.byGroup[group] ?? 0, value);
      }
      await sleep(everyMs);
    }
  })();
  return { max, stop: async () => ((sampling = false), await loop) };
}

async function mirrorCheckpoint(log: Log): Promise<number> {
  const [end = 0] = await log.endOffsets(mirrorCheckpointTopic);
  const tail = await log.read(mirrorCheckpointTopic, 0, Math.max(0, end - 50), 50);
  return Math.max(0, ...tail.map((message) => (message.value ? Number((JSON.parse(message.value.toString('utf8')) as { position: number }).position) : 0)));
}

/**
 * Drained: the mirror has published up to the store's head, every group is at the end of every
 * partition, and the head has not moved between two looks a few seconds apart (an actor's
 * answer would move it). Past the bound the checks run anyway and say what is stuck.
 */
async function drain(adapters: Adapters, probe: LagProbe, boundMs: number, log: (line: string) => void): Promise<boolean> {
  const deadline = performance.now() + boundMs;
  let previousHead = -1;
  while (performance.now() < deadline) {
    const status = await (async () => {
      const head = await adapters.eventStore.headPosition();
      const [checkpoint, partitions] = await Promise.all([mirrorCheckpoint(adapters.log), probe.read()]);
      return { head, checkpoint, stuck: stuckPartitions(partitions) };
    })().catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    if ('error' in status) log(`drain: ${status.error}`);
    else {
      if (status.checkpoint >= status.head && status.stuck.length === 0 && status.head === previousHead) return true;
      const behind = status.stuck.slice(0, 3).map((entry) => `${entry.group} ${entry.topic}/${entry.partition} at ${entry.committed} of ${entry.end}`);
      log(`drain: head ${status.head}, mirror at ${status.checkpoint}, ${status.stuck.length} partitions behind${behind.length > 0 ? `: ${behind.join('; ')}` : ''}`);
      previousHead = status.checkpoint >= status.head && status.stuck.length === 0 ? status.head : -1;
    }
    await sleep(3000);
  }
  return false;
}

function commandLine(): string {
  const args = process.argv.slice(1).map((arg, index) => (index === 0 ? path.relative(process.cwd(), arg) || arg : arg));
  return `node ${args.join(' ')}${process.env.npm_lifecycle_event ? ` (via npm run ${process.env.npm_lifecycle_event})` : ''}`;
}

/**
 * Issue 13, item 1: the distributed topology on Kafka (two processors, two projections) under a
 * steady load of orders for scarce stock while components are SIGKILLed, the broker restarted and
 * the read store stopped; then, once drained, the invariants. Returns the exit code: 0 when every
 * check passed.
 */
export async function runTorture(options: TortureOptions & { drainBoundMs: number; timeoutMs: number }, logger: Logger): Promise<number> {
  const startedAt = new Date().toISOString();
  const began = performance.now();
  const say = (line: string) => logger.info(line);
  const servers = serverSettingsFor('kafka');
  const plan = planTorture(options);
  const loadMs = (plan.orders.length / options.ratePerSecond) * 1000;
  const schedule = chaosSchedule({ seed: options.seed, loadMs, killEveryMs: options.killEveryMs });
  say(`torture: ${plan.orders.length} orders over ${plan.skus.length} SKUs (${plan.demand} units asked, ${plan.stock} in stock) at ${options.ratePerSecond}/s, ${schedule.length} chaos actions, seed ${options.seed}`);

  return withTempDir('torture', async (dir) => {
    const run = `${options.seed.toString(36)}${dir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '').toLowerCase() ?? 'x'}`;
    const seconds = { setup: 0, load: 0, drain: 0, checks: 0, total: 0 };
    let topology: TortureTopology | undefined;
    let adapters: Adapters | undefined;
    const probe = createLagProbe(servers.KAFKA_BROKERS as string, `torture-${run}.`);
    let chaos: ChaosOutcome = { done: [], brokerRestarts: 0, brokerDownSeconds: null, readStoreOutageSeconds: null };
    let load: LoadResult = { outcomes: [], seconds: 0 };
    let outcome: ChecksOutcome = { checks: [], ordersByState: {}, details: {} };
    const lag = sampleLag(probe, 2000);
    // The bound inside the command: past it, the components are killed, the shared servers are
    // started again should an outage be under way, and the run fails, whatever it was waiting for.
    const watchdog = setTimeout(() => {
      process.stderr.write(`torture: not finished after ${options.timeoutMs / 1000} s; stopping everything\n`);
      void (async () => {
        await Promise.race([topology ? topology.stop() : Promise.resolve(), sleep(20_000)]);
        await infraScript('kafka', 'start', process.env).catch(() => undefined);
        await infraScript('ferretdb', 'start', process.env).catch(() => undefined);
        await removeRunFromServers(servers, `torture_${run}`, `torture-${run}.`).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
        process.exit(1);
      })();
    }, options.timeoutMs);
    watchdog.unref();
    try {
      topology = await startTortureTopology({ dir, servers, run });
      await topology.waitUntilHealthy(240_000);
      const client = createTortureClient(topology.baseUrl);
      const shop = await createShop(client, plan, run);
      seconds.setup = (performance.now() - began) / 1000;
      say(`torture: ${Object.keys(topology.records).length} components healthy, shop ready in ${seconds.setup.toFixed(1)} s; load and chaos starting`);

      const loadStarted = performance.now();
      const chaosRun = playChaos({ schedule, topology, env: process.env, startedMs: loadStarted, log: say });
      load = await runOrderLoad({ client, plan, shop, ratePerSecond: options.ratePerSecond, run, retryBoundMs: 90_000, onProgress: (placed) => say(`torture: ${placed} orders offered`) });
      chaos = await chaosRun;
      seconds.load = (performance.now() - loadStarted) / 1000;

      const drainStarted = performance.now();
      // Whatever is left of the run's bound goes to the drain, less what stopping and the checks take: the report is always written.
      const left = () => began + options.timeoutMs - performance.now();
      // a component the chaos left down (a crash after the last kill) is back before the drain is judged
      await topology.waitUntilHealthy(Math.max(5000, Math.min(30_000, left() - 120_000))).catch((error: unknown) => say(`torture: ${error instanceof Error ? error.message : String(error)}`));
      adapters = await openAdapters(loadSettings(topology.env), createLogger({ level: 'silent' }), ['eventStore', 'log', 'readStore']);
      const drainBound = Math.max(10_000, Math.min(options.drainBoundMs, left() - 75_000));
      const drained = await drain(adapters, probe, drainBound, say);
      seconds.drain = (performance.now() - drainStarted) / 1000;
      const sick = await topology.unhealthy();
      if (Object.keys(sick).length > 0) {
        outcome.details.unhealthyAtTheEnd = sick;
        outcome.details.unhealthyOutput = Object.fromEntries(Object.entries(topology.tails(4000)).filter(([name]) => name in sick));
      }
      // Healthy but behind: what the components said is where a stuck partition shows.
      if (!drained) outcome.details.componentLogs = path.relative(process.cwd(), writeComponentLogs(startedAt, topology.tails(Number.POSITIVE_INFINITY)));
      say(`torture: ${drained ? 'drained' : 'NOT drained within the bound'} after ${seconds.drain.toFixed(1)} s; stopping the components, then the checks`);
      await lag.stop();
      await topology.stop();

      const checksStarted = performance.now();
      const beforeChecks = outcome.details;
      outcome = await runChecks({ eventStore: adapters.eventStore, log: adapters.log, readStore: adapters.readStore, lagProbe: probe, outcomes: load.outcomes, logger: createLogger({ level: 'warn' }) });
      outcome.details = { ...beforeChecks, ...outcome.details };
      const unwell = Object.entries(sick).map(([name, said]) => `${name} ${said.slice(0, 160)}`);
      outcome.checks.unshift({ name: 'recovered', passed: drained && unwell.length === 0, detail: `${drained ? 'drained' : `not drained within ${Math.round(drainBound / 1000)} s`}; ${unwell.length === 0 ? 'every component healthy' : `unhealthy at the end: ${unwell.join('; ')}`}` });
      seconds.checks = (performance.now() - checksStarted) / 1000;
    } catch (error) {
      outcome.checks.push({ name: 'run', passed: false, detail: error instanceof Error ? error.message : String(error) });
      if (topology) outcome.details.componentOutput = topology.tails(3000);
    } finally {
      clearTimeout(watchdog);
      await lag.stop();
      await topology?.stop();
      await adapters?.close();
      await probe.close();
      await removeRunFromServers(servers, `torture_${run}`, `torture-${run}.`).catch((error: unknown) => say(`torture: could not remove the run from the servers: ${String(error)}`));
    }
    seconds.total = (performance.now() - began) / 1000;

    const records: Record<string, InstanceRecord> = topology?.records ?? {};
    const crashes = Object.fromEntries(Object.entries(records).map(([name, record]) => [name, record.crashes]));
    const crashTails = Object.fromEntries(Object.entries(records).flatMap(([name, record]) => (record.lastCrash ? [[name, record.lastCrash]] : [])));
    const report: TortureReport = {
      startedAt, commandLine: commandLine(), options, machine: machineInfo(),
      plan: { orders: plan.orders.length, skus: plan.skus.length, customers: plan.customers, demand: plan.demand, stock: plan.stock },
      chaos: { schedule, done: chaos.done, kills: Object.fromEntries(Object.entries(records).map(([name, record]) => [name, record.kills])), crashes, brokerRestarts: chaos.brokerRestarts, brokerDownSeconds: chaos.brokerDownSeconds, readStoreOutageSeconds: chaos.readStoreOutageSeconds },
      load: {
        accepted: load.outcomes.filter((o) => o.kind === 'accepted').length, refused: load.outcomes.filter((o) => o.kind === 'refused').length,
        lost: load.outcomes.filter((o) => o.kind === 'lost').length, retried: load.outcomes.filter((o) => o.attempts > 1).length, seconds: load.seconds,
      },
      maxLag: lag.max, ordersByState: outcome.ordersByState, seconds, checks: outcome.checks,
      details: { ...outcome.details, ...(Object.keys(crashTails).length > 0 ? { crashOutput: crashTails } : {}), lostAnswers: load.outcomes.filter((o) => o.kind === 'lost').slice(0, 10) },
    };
    // the faults are part of the claim: a run in which they did not happen proves less than it says
    const failedChaos = chaos.done.filter((entry) => entry.error);
    const chaosDone = failedChaos.length === 0 && chaos.done.length === schedule.length;
    report.checks.push({ name: 'chaos played', passed: chaosDone, detail: chaosDone ? `${schedule.length} actions` : `${chaos.done.length - failedChaos.length} of ${schedule.length} actions done${failedChaos.length > 0 ? `; ${failedChaos.map((entry) => `${entry.what}: ${entry.error}`).join('; ')}` : ''}` });
    const file = writeTortureReport(report);
    process.stdout.write(`\n${formatSummary(report)}\n\nreport: ${path.relative(process.cwd(), file)}\n`);
    const failed = report.checks.filter((check) => !check.passed).map((check) => check.name);
    if (failed.length > 0) process.stdout.write(`torture FAILED: ${failed.join(', ')}\n`);
    return failed.length > 0 ? 1 : 0;
  });
}
