import { summarizeOrdersPhase, visibleBackoff, visiblePollMs, visibleSamples } from './orders-phase-figures';
import type { OrdersPhaseMeasurements } from './orders-phase-figures';
import type { PlatformUnderLoad } from './orders-processes-bench';
import { watchProcesses } from './process-usage';
import { onSchedule, sleep } from './rate';
import type { SectionResult } from './report';
import { waitFor } from './wait-for';

export interface OrdersPhaseContext extends PlatformUnderLoad {
  items: number;
  ratePerSecond: number;
  seconds: number;
}

/** Polls the order through the read side until it leaves `placed`; only confirmations count as a latency. */
async function watchUntilVisible(context: OrdersPhaseContext, measured: OrdersPhaseMeasurements, orderId: string, sentMs: number): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
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
async function sendOnSchedule(context: OrdersPhaseContext, measured: OrdersPhaseMeasurements): Promise<Array<Promise<void>>> {
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
        if (index % measured.sampleEvery === 0) await watchUntilVisible(context, measured, orderId, sentMs);
      },
      () => void (measured.errors += 1),
    ));
  });
  return inFlight;
}

/**
 * Follows `$all` from the phase's start until every POST (and visibility sample) settled and each
 * placed order holds its answer. One read of the new events per poll: reading each open order's
 * stream instead cost the bench process thousands of reads a second once the answers lagged.
 */
async function waitForAnswers(context: OrdersPhaseContext, measured: OrdersPhaseMeasurements, inFlight: Array<Promise<void>>, from: number): Promise<void> {
  // the visibility samples finish as their orders show, so drain the event store alongside
  const settled = Promise.all(inFlight);
  let postsDone = false;
  void settled.then(() => (postsDone = true));
  const { orderIds, outcomes } = measured;
  const placedAt = new Map<string, number>();
  const reservedAt = new Map<string, number>();
  let position = from;
  const follow = async () => {
    for (;;) {
      const page = await context.eventStore.readAll({ after: position, maxCount: 5000 });
      for (const event of page) {
        const at = event.recordedAt.getTime();
        if (event.type === 'OrderPlaced') placedAt.set(event.streamId, at);
        else if (event.type === 'StockReserved') reservedAt.set(`order-${String((event.data as { orderId: string }).orderId)}`, at);
        else if (event.type === 'OrderConfirmed' || event.type === 'OrderRejected') {
          const placed = placedAt.get(event.streamId);
          if (placed !== undefined) outcomes.set(event.streamId.slice('order-'.length), { placedAt: placed, answeredAt: at, confirmed: event.type === 'OrderConfirmed', reservedAt: reservedAt.get(event.streamId) });
        }
      }
      if (page.length === 0) return;
      position = (page.at(-1) as { position: number }).position;
    }
  };
  await waitFor(async () => {
    await follow();
    return postsDone && orderIds.every((orderId) => outcomes.has(orderId));
  }, { what: `${context.items}-item orders answered`, timeoutMs: 180_000, pollMs: 100, progressEveryMs: 10_000, onProgress: () => context.logger.info({ answered: outcomes.size, placed: orderIds.length }, 'orders bench: draining') });
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
  const watch = watchProcesses(context.pids);
  watch.start();
  measured.started = performance.now();
  const inFlight = await sendOnSchedule(context, measured);
  measured.sendingMs = performance.now() - measured.started;
  const duringSending = watch.mark();
  const drainStarted = performance.now();
  await waitForAnswers(context, measured, inFlight, from);
  const untilDrained = watch.mark();
  measured.drainMs = performance.now() - drainStarted;
  return summarizeOrdersPhase({ section: `orders (${context.mode})`, items: context.items, ratePerSecond: context.ratePerSecond, seconds: context.seconds }, measured, duringSending, untilDrained);
}
