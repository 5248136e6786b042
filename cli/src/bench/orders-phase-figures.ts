import os from 'node:os';
import { procAvailable, unnamedThreads } from './process-usage';
import type { ProcessUsage, SpanUsage } from './process-usage';
import { percentile, round1, round2 } from './rate';
import type { Figure, SectionResult } from './report';

/**
 * Each sampled order is read every 50 ms, and past the first second every 5 % of the time waited:
 * the error stays within that, the load bounded however far the read model lags. At 10 ms and 2 %
 * the polls were the query API's main load in the Kafka topology (a few hundred GETs a second,
 * two reads of the read store each), slowing the very read side they measured. The polls start when
 * the bench reads the order's confirmation in `$all` (no read model shows it sooner): at 20 orders/s
 * on Kafka the query API then used 3-7 % of a core instead of 7-12 %.
 */
export const visiblePollMs = 50;
export const visibleBackoff = 0.05;
export const visibleSamples = 25;

/** When an order was placed and answered, from the event store's recordedAt. */
export interface OrderOutcome {
  placedAt: number;
  answeredAt: number;
  confirmed: boolean;
  /** The last StockReserved of the order's lines: splits placed→confirmed at the inventory actor. */
  reservedAt?: number;
}

/** What one phase recorded while sending and draining; filled in place as the answers arrive. */
export interface OrdersPhaseMeasurements {
  total: number;
  sampleEvery: number;
  orderIds: string[];
  postLatencies: number[];
  visibleLatencies: number[];
  statuses: Record<string, number>;
  outcomes: Map<string, OrderOutcome>;
  non2xx: number;
  errors: number;
  notVisible: number;
  /** performance.now() readings and spans, in ms. */
  started: number;
  lastAnswerMs: number;
  sendingMs: number;
  drainMs: number;
}

export interface OrdersPhaseLabel {
  section: string;
  items: number;
  ratePerSecond: number;
  seconds: number;
}

/**
 * Per process: CPU over `sending` (the load itself; a long drain would dilute it), peak RSS over
 * `drained`; `during` says what the CPU span was. Then the machine's CPU and what other processes took.
 */
export function usageFigures(section: string, phase: string, sending: SpanUsage, drained: SpanUsage, during = 'while sending'): Figure[] {
  if (!procAvailable()) return [{ section, metric: `${phase} process CPU and memory`, value: 0, unit: 'n/a', note: 'not measured: reads /proc, Linux only' }];
  const figures = Object.entries(sending.processes).flatMap(([name, used]): Figure[] => {
    const peak = drained.processes[name] ?? used;
    return used && peak
      ? [
          { section, metric: `${phase} ${name} CPU`, value: used.cpuPercentOfCore, unit: '% of a core', note: `Δ(utime+stime)/Δwall ${during}` },
          ...threadFigures(section, `${phase} ${name}`, used, during),
          { section, metric: `${phase} ${name} peak RSS`, value: round1(peak.peakRssBytes / 1024 ** 2), unit: 'MiB', note: peak.peakSince === 'span' ? 'VmHWM, reset at the phase start' : 'VmHWM since the process started' },
        ]
      : [{ section, metric: `${phase} ${name} CPU`, value: 0, unit: 'n/a', note: 'process gone before the phase ended' }];
  });
  if (sending.machineCpuPercentOfCore !== null) {
    const ours = Object.values(sending.processes).reduce((sum, used) => sum + (used?.cpuPercentOfCore ?? 0), 0);
    figures.push(
      { section, metric: `${phase} machine CPU`, value: sending.machineCpuPercentOfCore, unit: '% of a core', note: `/proc/stat ${during}, all processes; ${100 * os.cpus().length} is every core busy` },
      { section, metric: `${phase} other processes CPU`, value: round1(Math.max(0, sending.machineCpuPercentOfCore - ours)), unit: '% of a core', note: 'machine less the processes above (broker, databases, ...)' },
    );
  }
  return figures;
}

/** Whether some thread of the process named itself: only then is its CPU worth splitting by thread. */
const hasNamedThreads = (used: ProcessUsage): boolean => Object.keys(used.cpuSecondsByThread).some((name) => name !== 'main' && name !== unnamedThreads);

/** A row per thread of a process whose component threads are named (the embedded `start`): which one saturates. */
function threadFigures(section: string, label: string, used: ProcessUsage, during: string): Figure[] {
  if (!hasNamedThreads(used)) return [];
  return Object.entries(used.cpuPercentByThread).map(([thread, percent]) => ({
    section, metric: `${label} ${thread} thread CPU`, value: percent, unit: '% of a core', note: thread === unnamedThreads ? `the runtime's own threads (GC, compiler, libuv pool) ${during}` : during,
  }));
}

/** The watched process that sends the load: not the platform's, so not in its cost. */
const loadGenerator = 'bench';

/**
 * CPU a confirmed order cost the platform's processes (the broker and the databases included,
 * where they are watched), from the phase's start until drained: less noisy than a throughput on
 * a saturated machine, and it says where the time goes (by process, and by thread where they are named).
 */
function cpuPerOrderFigure(section: string, name: string, drained: SpanUsage, confirmed: number): Figure[] {
  const used = Object.entries(drained.processes).filter((entry): entry is [string, ProcessUsage] => entry[1] !== null);
  const platform = used.filter(([process]) => process !== loadGenerator);
  if (confirmed === 0 || platform.length === 0) return [];
  const perOrder = (seconds: number) => round2((seconds * 1000) / confirmed);
  const split = used.map(([process, usage]) => {
    const threads = hasNamedThreads(usage) ? ` (${Object.entries(usage.cpuSecondsByThread).map(([thread, seconds]) => `${thread} ${perOrder(seconds)}`).join(', ')})` : '';
    return `${process === loadGenerator ? 'and the bench itself' : process} ${perOrder(usage.cpuSeconds)}${threads}`;
  });
  const total = platform.reduce((sum, [, usage]) => sum + usage.cpuSeconds, 0);
  return [{ section, metric: `${name} CPU per confirmed order`, value: perOrder(total), unit: 'ms', note: `phase start → the last order answered (the read side may lag on): ${split.join('; ')}` }];
}

/** The phase's table rows and its raw details for the JSON report. */
export function summarizeOrdersPhase(label: OrdersPhaseLabel, measured: OrdersPhaseMeasurements, duringSending: SpanUsage, untilDrained: SpanUsage): SectionResult {
  const { section, items, ratePerSecond, seconds } = label;
  const { postLatencies, visibleLatencies, non2xx, errors, notVisible, sampleEvery } = measured;
  // confirmed orders only: a rejection is an answer, not the throughput this measures
  const latencies: number[] = [];
  const toReserved: number[] = [];
  const reservedToConfirmed: number[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const outcome of measured.outcomes.values()) {
    if (!outcome.confirmed) continue;
    latencies.push(outcome.answeredAt - outcome.placedAt);
    if (outcome.reservedAt !== undefined) {
      toReserved.push(outcome.reservedAt - outcome.placedAt);
      reservedToConfirmed.push(outcome.answeredAt - outcome.reservedAt);
    }
    first = Math.min(first, outcome.placedAt);
    last = Math.max(last, outcome.answeredAt);
  }
  const rejected = measured.outcomes.size - latencies.length;
  for (const list of [latencies, toReserved, reservedToConfirmed, postLatencies, visibleLatencies]) list.sort((a, b) => a - b);
  const name = `${items}-item`;
  const confirmedPerSecond = round1(latencies.length / Math.max(0.001, (last - first) / 1000));
  const answersPerSecond = round1(postLatencies.length / Math.max(0.001, (measured.lastAnswerMs - measured.started) / 1000));
  const figures: Figure[] = [
    { section, metric: `${name} confirmed/s`, value: confirmedPerSecond, unit: 'orders/s', note: `offered ${ratePerSecond}/s for ${seconds} s, first placement → last confirmation` },
    { section, metric: `${name} POST answers/s`, value: answersPerSecond, unit: 'answers/s', note: `${non2xx} non-2xx, ${errors} errors` },
    { section, metric: `${name} POST p50`, value: round1(percentile(postLatencies, 50)), unit: 'ms', note: 'keep-alive, 64 connections at most' },
    { section, metric: `${name} POST p99`, value: round1(percentile(postLatencies, 99)), unit: 'ms' },
    { section, metric: `${name} placed→confirmed p50`, value: percentile(latencies, 50), unit: 'ms', note: 'event store recordedAt of OrderPlaced → OrderConfirmed' },
    { section, metric: `${name} placed→confirmed p99`, value: percentile(latencies, 99), unit: 'ms', note: `${latencies.length} confirmed, ${rejected} rejected` },
    { section, metric: `${name} placed→reserved p50`, value: percentile(toReserved, 50), unit: 'ms', note: `p99 ${percentile(toReserved, 99)} ms: OrderPlaced → its last line's StockReserved (mirror, router, inventory actor)` },
    { section, metric: `${name} reserved→confirmed p50`, value: percentile(reservedToConfirmed, 50), unit: 'ms', note: `p99 ${percentile(reservedToConfirmed, 99)} ms: → OrderConfirmed (mirror, router, order actor)` },
    { section, metric: `${name} sent→visible p50`, value: round1(percentile(visibleLatencies, 50)), unit: 'ms', note: `GET /api/orders/:id from its OrderConfirmed in $all until confirmed, every ${visiblePollMs} ms (then ${visibleBackoff * 100}% of the wait), every ${sampleEvery}th order` },
    { section, metric: `${name} sent→visible p99`, value: round1(percentile(visibleLatencies, 99)), unit: 'ms', note: `${visibleLatencies.length} sampled, ${notVisible} never seen` },
    ...usageFigures(section, name, duringSending, untilDrained),
    ...cpuPerOrderFigure(section, name, untilDrained, latencies.length),
  ];
  return {
    figures,
    details: {
      offered: measured.total, sendingMs: round1(measured.sendingMs), drainMs: round1(measured.drainMs), confirmed: latencies.length, rejected, non2xx, non2xxByStatus: measured.statuses, errors,
      placedToConfirmed: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
      placedToReserved: { p50: percentile(toReserved, 50), p99: percentile(toReserved, 99), max: toReserved.at(-1) ?? 0 },
      reservedToConfirmed: { p50: percentile(reservedToConfirmed, 50), p99: percentile(reservedToConfirmed, 99), max: reservedToConfirmed.at(-1) ?? 0 },
      post: { p50: percentile(postLatencies, 50), p99: percentile(postLatencies, 99), max: postLatencies.at(-1) ?? 0 },
      visible: { sampleEvery, pollMs: visiblePollMs, count: visibleLatencies.length, notVisible, p50: percentile(visibleLatencies, 50), p99: percentile(visibleLatencies, 99), max: visibleLatencies.at(-1) ?? 0 },
      usageDuringSending: duringSending, usageUntilDrained: untilDrained,
    },
  };
}
