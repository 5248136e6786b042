import type { EventStore } from '@ecommerce/platform';
import { orderHopFigures, orderPathOffsets, readOrderHops } from './order-hops';
import { summarizeOrdersPhase, visibleBackoff, visiblePollMs, visibleSamples } from './orders-phase-figures';
import type { OrderOutcome, OrdersPhaseMeasurements } from './orders-phase-figures';
import type { PlatformUnderLoad } from './orders-processes-bench';
import { watchProcesses } from './process-usage';
import { onSchedule, sleep } from './rate';
import type { SectionResult } from './report';
import { waitFor } from './wait-for';

export interface OrdersPhaseContext extends PlatformUnderLoad {
  items: number;
  ratePerSecond: number;
  seconds: number;
  /** Split placed→confirmed into hops from the platform's log after the phase (needs `log`). */
  traceHops?: boolean;
}

/** How often the bench reads the new events of `$all` while a phase runs: the order answers, and when to start looking at the read side. */
const followPollMs = 20;

/** The only events the follower reads (the store filters them): it runs beside the load, on the same cores. */
const followedTypes = ['OrderPlaced', 'StockReserved', 'OrderConfirmed', 'OrderRejected'];
const followPageSize = 5000;

/** The outcomes of the phase's orders as `$all` records them, read by the bench as they are appended. */
export interface OutcomeFollower {
  /** Resolves when the order is answered in the event store: true for a confirmation; undefined if following stopped first. */
  answered(orderId: string): Promise<boolean | undefined>;
  /** Why following stopped, if it failed. */
  failure(): string | undefined;
  /** Stops following after one last read of what is new. */
  stop(): Promise<void>;
}

/**
 * Follows `$all` from the phase's start: when each order was placed, its lines reserved, and it was
 * answered. One read of the new events per poll: reading each open order's stream instead cost the
 * bench process thousands of reads a second once the answers lagged.
 */
export function followOutcomes(eventStore: EventStore, outcomes: Map<string, OrderOutcome>, from: number): OutcomeFollower {
  const placedAt = new Map<string, number>();
  const reservedAt = new Map<string, number>();
  const waiting = new Map<string, (confirmed: boolean | undefined) => void>();
  let position = from;
  let stopped = false;
  let failure: string | undefined;
  const failed = (error: unknown) => void (failure = `following $all failed: ${error instanceof Error ? error.message : String(error)}`);
  const readNew = async () => {
    for (;;) {
      const page = await eventStore.readAll({ after: position, maxCount: followPageSize, types: followedTypes });
      for (const event of page) {
        const at = event.recordedAt.getTime();
        if (event.type === 'OrderPlaced') placedAt.set(event.streamId, at);
        else if (event.type === 'StockReserved') reservedAt.set(`order-${String((event.data as { orderId: string }).orderId)}`, at);
        else if (event.type === 'OrderConfirmed' || event.type === 'OrderRejected') {
          const placed = placedAt.get(event.streamId);
          const orderId = event.streamId.slice('order-'.length);
          const confirmed = event.type === 'OrderConfirmed';
          if (placed !== undefined) outcomes.set(orderId, { placedAt: placed, answeredAt: at, confirmed, reservedAt: reservedAt.get(event.streamId) });
          waiting.get(orderId)?.(confirmed);
          waiting.delete(orderId);
        }
      }
      if (page.length === 0) return;
      position = (page.at(-1) as { position: number }).position;
      if (page.length < followPageSize) return;
      // The store's read is synchronous: a backlog read page after page would hold up the POSTs due meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const following = (async () => {
    while (!stopped) {
      await readNew().catch((error: unknown) => {
        failed(error);
        stopped = true;
      });
      await sleep(followPollMs);
    }
  })();
  return {
    answered(orderId) {
      const known = outcomes.get(orderId);
      return known ? Promise.resolve(known.confirmed) : new Promise((resolve) => waiting.set(orderId, resolve));
    },
    failure: () => failure,
    async stop() {
      stopped = true;
      await following;
      // The last read must not hide the error the phase stops on: a failure is only reported.
      if (!failure) await readNew().catch(failed);
      for (const resolve of waiting.values()) resolve(undefined);
      waiting.clear();
    },
  };
}

/**
 * Polls the order through the read side until it leaves `placed`; only confirmations count as a
 * latency. It starts looking once the bench has read the order's answer in `$all` (within
 * `followPollMs`): the read model cannot show a confirmation before the event store holds it, and
 * the polls before only loaded the cores being measured. An order the phase gave up on (following
 * stopped first) counts as never seen.
 */
async function watchUntilVisible(context: OrdersPhaseContext, measured: OrdersPhaseMeasurements, orderId: string, sentMs: number, answered: Promise<boolean | undefined>): Promise<void> {
  const confirmed = await answered;
  if (confirmed === false) return;
  const deadline = performance.now() + 120_000;
  while (confirmed && performance.now() < deadline) {
    const answer = await context.poller.request('GET', `/api/orders/${orderId}`, undefined, context.adminToken).catch(() => undefined);
    const status = answer?.status === 200 ? answer.body.status : undefined;
    if (typeof status === 'string' && status !== 'placed') {
      if (status !== 'rejected') measured.visibleLatencies.push(performance.now() - sentMs);
      return;
    }
    await sleep(Math.max(visiblePollMs, (performance.now() - sentMs) * visibleBackoff));
  }
  measured.notVisible += 1;
}

/** Each POST leaves at its scheduled time (an open loop); the answers are awaited in the background. */
async function sendOnSchedule(context: OrdersPhaseContext, measured: OrdersPhaseMeasurements, follower: OutcomeFollower): Promise<Array<Promise<void>>> {
  const lines = context.productIds.slice(0, context.items).map((productId) => ({ productId, quantity: 1 }));
  const inFlight: Array<Promise<void>> = [];
  await onSchedule(measured.total, context.ratePerSecond, measured.started, (index) => {
    const sentMs = performance.now();
    const token = context.tokens[index % context.tokens.length];
    inFlight.push(context.client.request('POST', '/api/orders', { lines }, token).then(
      async (answer) => {
        measured.lastAnswerMs = performance.now();
        measured.postLatencies.push(measured.lastAnswerMs - sentMs);
        if (answer.status < 200 || answer.status >= 300) {
          measured.non2xx += 1;
          measured.statuses[answer.status] = (measured.statuses[answer.status] ?? 0) + 1;
          return;
        }
        const orderId = String(answer.body.orderId ?? answer.body.id);
        measured.orderIds.push(orderId);
        if (index % measured.sampleEvery === 0) await watchUntilVisible(context, measured, orderId, sentMs, follower.answered(orderId));
      },
      () => void (measured.errors += 1),
    ));
  });
  return inFlight;
}

/** Waits until every POST (and visibility sample) settled and each placed order holds its answer in `$all`. */
async function waitForAnswers(context: OrdersPhaseContext, measured: OrdersPhaseMeasurements, inFlight: Array<Promise<void>>, follower: OutcomeFollower): Promise<void> {
  // the visibility samples finish as their orders show, so the follower drains the event store alongside
  const settled = Promise.all(inFlight);
  let postsDone = false;
  void settled.then(() => (postsDone = true));
  const { orderIds, outcomes } = measured;
  await waitFor(() => postsDone && orderIds.every((orderId) => outcomes.has(orderId)), {
    what: `${context.items}-item orders answered`, timeoutMs: 180_000, pollMs: followPollMs, progressEveryMs: 10_000, failure: follower.failure,
    onProgress: () => context.logger.info({ answered: outcomes.size, placed: orderIds.length }, 'orders bench: draining'),
  });
  await settled;
}

/** One load phase: `ratePerSecond × seconds` orders of `items` lines sent on schedule, then drained until each is answered in the event store. */
export async function runOrdersPhase(context: OrdersPhaseContext): Promise<SectionResult> {
  const total = Math.round(context.ratePerSecond * context.seconds);
  const measured: OrdersPhaseMeasurements = {
    total,
    // a fixed-size sample whatever the rate, so the polling itself stays a small load
    sampleEvery: Math.max(10, Math.ceil(total / visibleSamples)),
    orderIds: [], postLatencies: [], visibleLatencies: [], statuses: {}, outcomes: new Map(),
    non2xx: 0, errors: 0, notVisible: 0, started: 0, lastAnswerMs: 0, sendingMs: 0, drainMs: 0,
  };
  const from = await context.eventStore.headPosition();
  const log = context.traceHops ? context.log : undefined;
  const offsets = log && (await orderPathOffsets(log));
  const watch = watchProcesses(context.pids);
  watch.start();
  const follower = followOutcomes(context.eventStore, measured.outcomes, from);
  measured.started = performance.now();
  const inFlight = await sendOnSchedule(context, measured, follower);
  measured.sendingMs = performance.now() - measured.started;
  const duringSending = watch.mark();
  const drainStarted = performance.now();
  try {
    await waitForAnswers(context, measured, inFlight, follower);
  } finally {
    await follower.stop();
  }
  const untilDrained = watch.mark();
  measured.drainMs = performance.now() - drainStarted;
  const section = `orders (${context.mode})`;
  const summary = summarizeOrdersPhase({ section, items: context.items, ratePerSecond: context.ratePerSecond, seconds: context.seconds }, measured, duringSending, untilDrained);
  if (!log || !offsets) return summary;
  // after the measurements: reading the log back is the bench's own work. Only confirmed orders
  // have a whole path; a rejected one would be waited for until the reader gave up.
  const confirmed = measured.orderIds.filter((orderId) => measured.outcomes.get(orderId)?.confirmed === true);
  const hops = await readOrderHops(log, offsets, confirmed);
  return { figures: [...summary.figures, ...orderHopFigures(section, `${context.items}-item`, hops)], details: { ...summary.details, hops: { traced: hops.traced, untraced: hops.untraced } } };
}
