import { orderStreamId, paymentStreamId, shipmentIdOf, shipmentStreamId } from '@ecommerce/domain';
import type { Logger } from '@ecommerce/platform';
import { summarizeLifecycles } from './lifecycle-figures';
import type { LifecycleOutcome, LifecycleTimes } from './lifecycle-figures';
import { watchStreams } from './lifecycle-watch';
import type { StreamWatch } from './lifecycle-watch';
import { benchAddress } from './orders-fixtures';
import { warmUp, withPlatformProcesses } from './orders-processes-bench';
import type { PlatformUnderLoad, WarmUp } from './orders-processes-bench';
import type { OrdersTopologyMode } from './orders-topology';
import { watchProcesses } from './process-usage';
import { onSchedule } from './rate';
import type { SectionResult } from './report';

interface LifecyclePhase extends PlatformUnderLoad {
  ratePerSecond: number;
  seconds: number;
}

/** However slow the platform, a step that has not happened after this is reported as stuck there. */
const stepTimeoutMs = 120_000;

/**
 * One order from placement to completion as its customer and an admin drive it through the
 * gateway: each request once the state it needs is in the event store, the instants from there.
 */
async function driveLifecycle(phase: LifecyclePhase, watch: StreamWatch, index: number): Promise<LifecycleOutcome> {
  const times: LifecycleTimes = {};
  const answers: number[] = [];
  const customer = phase.tokens[index % phase.tokens.length];
  let step = 'place';
  const send = async (path: string, body: unknown, token: string | undefined) => {
    const sent = performance.now();
    const answer = await phase.client.request('POST', path, body, token);
    answers.push(performance.now() - sent);
    if (answer.status !== 202) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer.body;
  };
  const recorded = async (streamId: string, type: string) => (await watch.recorded(streamId, [type], stepTimeoutMs)).at;
  const streams: string[] = [];
  try {
    const lines = [{ productId: phase.productIds[index % phase.productIds.length], quantity: 1 }];
    const orderId = String((await send('/api/orders', { lines, shippingAddress: benchAddress }, customer)).orderId);
    const shipmentId = shipmentIdOf(orderId);
    const [order, shipment] = [orderStreamId(orderId), shipmentStreamId(shipmentId)];
    streams.push(order, shipment);
    times.placed = await recorded(order, 'OrderPlaced');
    step = 'confirm';
    const answer = await watch.recorded(order, ['OrderConfirmed', 'OrderRejected'], stepTimeoutMs);
    if (answer.type === 'OrderRejected') throw new Error('the order was rejected');
    times.confirmed = answer.at;
    step = 'pay';
    const payment = paymentStreamId(String((await send(`/api/orders/${orderId}/pay`, { paymentMethod: 'pm_card_visa' }, customer)).paymentId));
    streams.push(payment);
    times.payRequested = await recorded(payment, 'PaymentRequested');
    times.paid = await recorded(order, 'OrderPaid');
    step = 'open shipment';
    times.shipmentOpened = await recorded(shipment, 'ShipmentOpened');
    step = 'dispatch';
    await send(`/api/admin/shipments/${shipmentId}/dispatch`, { carrier: 'La Poste', trackingNumber: `LP-BENCH-${index}` }, phase.adminToken);
    times.dispatched = await recorded(shipment, 'ShipmentDispatched');
    times.shipped = await recorded(order, 'OrderShipped');
    step = 'deliver';
    await send(`/api/admin/shipments/${shipmentId}/deliver`, undefined, phase.adminToken);
    times.deliverRequested = await recorded(shipment, 'ShipmentDelivered');
    times.delivered = await recorded(order, 'OrderDelivered');
    step = 'accept';
    times.acceptSent = Date.now();
    await send(`/api/orders/${orderId}/accept`, undefined, customer);
    times.completed = await recorded(order, 'OrderCompleted');
    return { times, answers };
  } catch (error) {
    return { times, answers, failedAt: step, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    for (const streamId of streams) watch.forget(streamId);
  }
}

/** `ratePerSecond × seconds` lifecycles started on schedule (an open loop), each driven to its end. */
async function runLifecyclePhase(phase: LifecyclePhase, section: string): Promise<SectionResult> {
  const total = Math.round(phase.ratePerSecond * phase.seconds);
  const watch = await watchStreams(phase.eventStore, ['order-', 'payment-', 'shipment-']);
  const usage = watchProcesses(phase.pids);
  const running: Array<Promise<LifecycleOutcome>> = [];
  let ended = 0;
  const progress = setInterval(() => phase.logger.info({ section, started: running.length, ended, total }, 'lifecycle bench: progress'), 10_000);
  try {
    usage.start();
    await onSchedule(total, phase.ratePerSecond, performance.now(), (index) => {
      running.push(driveLifecycle(phase, watch, index).finally(() => (ended += 1)));
    });
    const outcomes = await Promise.all(running);
    return summarizeLifecycles({ section, ratePerSecond: phase.ratePerSecond, seconds: phase.seconds }, outcomes, usage.mark());
  } finally {
    clearInterval(progress);
    await watch.stop();
  }
}

/**
 * The order lifecycle end to end (place → confirmed → pay → paid → shipment opened → dispatch →
 * shipped → deliver → delivered → accept → completed) on the platform as OS processes, offered at
 * a fixed rate through the gateway; each step's latency from the event store's recorded times.
 */
export function benchLifecycleAsProcesses(options: { mode: OrdersTopologyMode; ratePerSecond: number; seconds: number; warmup: WarmUp; logger: Logger }): Promise<SectionResult> {
  const section = `lifecycle (${options.mode})`;
  return withPlatformProcesses({ mode: options.mode, label: 'lifecycle', logger: options.logger }, async (platform) => {
    // warm up: the orders sections' warm-up (the JITs, a freshly started broker), then every route
    // and consumer of the lifecycle taken once, before anything is measured
    const warmed = await warmUp(platform, section, options.warmup);
    const routes = await runLifecyclePhase({ ...platform, ratePerSecond: 5, seconds: 1 }, section);
    if (routes.details.completed === 0) throw new Error(`no lifecycle of the warm-up completed: ${JSON.stringify(routes.details.failures)}`);
    options.logger.info({ section, rate: options.ratePerSecond, seconds: options.seconds }, 'lifecycle bench: phase');
    const measured = await runLifecyclePhase({ ...platform, ratePerSecond: options.ratePerSecond, seconds: options.seconds }, section);
    return { figures: [warmed, ...measured.figures], details: { mode: options.mode, pids: platform.pids, ratePerSecond: options.ratePerSecond, seconds: options.seconds, ...measured.details } };
  });
}
