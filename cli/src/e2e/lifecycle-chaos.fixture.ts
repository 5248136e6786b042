import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';
import { shipmentIdOf } from '@ecommerce/domain';
import type { Order, OrderState, OrderStatus, PlaceOrderLine } from '@ecommerce/domain';
import { line, orderOf, placeOrder } from '@ecommerce/processors/src/flow.fixture';
import { orderStep, pay, paymentOf, shipmentOf, shipmentStep } from '@ecommerce/processors/src/lifecycle.fixture';

/**
 * Test-only: the customer and admin side of issue 9's chaos test. Each journey is an order that
 * walks one path of the lifecycle (DESIGN §6); a driver advances it one step whenever the state
 * that step waits for is in the event store, so the processors always have work while they are
 * killed. The end a path leads to is known in advance: the test checks it afterwards.
 */

export type PathName = 'completed' | 'declinedThenCompleted' | 'returnedOneLine' | 'cancelledAfterPayment' | 'cancelledUnpaid' | 'payThenCancel' | 'rejected';

/** How many of the 200 orders take each path. */
export const pathShares: Readonly<Record<PathName, number>> = {
  completed: 120,
  declinedThenCompleted: 20,
  returnedOneLine: 20,
  cancelledAfterPayment: 16,
  cancelledUnpaid: 8,
  payThenCancel: 8,
  rejected: 8,
};

/** SKUs in stock (plenty), with a price each; `missingSku` was never received, so a line of it is rejected. */
export const skus = ['CHAOS-LC-A', 'CHAOS-LC-B', 'CHAOS-LC-C', 'CHAOS-LC-D', 'CHAOS-LC-E'] as const;
export const missingSku = 'CHAOS-LC-NONE';
const priceOf = (sku: string) => 1_000 + 250 * Math.max(0, skus.indexOf(sku as (typeof skus)[number]));

/** The customer-facing events of an order (the ones a notification goes out for), in the order a path makes them. */
const notified = {
  confirmed: ['OrderConfirmed'],
  completed: ['OrderConfirmed', 'OrderPaid', 'OrderShipped', 'OrderDelivered'],
  returned: ['OrderConfirmed', 'OrderPaid', 'OrderShipped', 'OrderDelivered', 'OrderReturned', 'OrderRefunded'],
  cancelledAfterPayment: ['OrderConfirmed', 'OrderPaid', 'OrderRefunded'],
};

export interface Journey {
  index: number;
  path: PathName;
  customerId: string;
  lines: PlaceOrderLine[];
  orderId: ReturnType<typeof randomUUID>;
  /** Payments made, in order. */
  paymentIds: string[];
  step: number;
  placedAt: number;
  doneAt: number | null;
}

interface Step {
  /** What the store must show before the step is taken. */
  ready(journey: Journey, order: Order, eventStore: EventStore): Promise<boolean> | boolean;
  /** The customer's or admin's command; none for the last step (the awaited end). */
  act?(journey: Journey, order: Order, eventStore: EventStore): Promise<void>;
}

/** What a journey must end as. */
export interface Expected {
  status: OrderStatus;
  /** Per payment, in order: its status and what of it was refunded. */
  payments: Array<{ status: 'captured' | 'declined'; refunded: number }>;
  /** The sum of the order's refunds. */
  refunded: number;
  /** The notifiable events of the order stream, in order (null: either of two outcomes of a race, checked separately). */
  notifiedEvents: string[] | null;
  /** Units sold and returned to stock, by SKU. */
  sold: Record<string, number>;
  returned: Record<string, number>;
}

const now = () => new Date().toISOString();
const statusIs = (status: OrderStatus) => (_journey: Journey, order: Order) => order.status === status;
const refundedOf = (order: Order) => Object.values(order.refunds).reduce((sum, money) => sum + money.amount, 0);

const payWith = (method: string) => async (journey: Journey, order: Order, eventStore: EventStore) => {
  journey.paymentIds.push(await pay(eventStore, order, method));
};
const paidAndShipmentOpen = async (_journey: Journey, order: Order, eventStore: EventStore) =>
  order.status === 'paid' && (await shipmentOf(eventStore, shipmentIdOf(order.orderId))).status === 'open';
const dispatch = async (_journey: Journey, order: Order, eventStore: EventStore) => {
  const shipmentId = shipmentIdOf(order.orderId);
  await shipmentStep(eventStore, shipmentId, { type: 'DispatchShipment', data: { shipmentId, carrier: 'La Poste', trackingNumber: `LP-${order.orderId.slice(0, 8)}`, dispatchedAt: now() } });
};
const deliver = async (_journey: Journey, order: Order, eventStore: EventStore) => {
  const shipmentId = shipmentIdOf(order.orderId);
  await shipmentStep(eventStore, shipmentId, { type: 'DeliverShipment', data: { shipmentId, deliveredAt: now() } });
};
const accept = async (_journey: Journey, order: Order, eventStore: EventStore) => {
  await orderStep(eventStore, order.orderId, { type: 'AcceptOrder', data: { orderId: order.orderId, acceptedAt: now() } });
};
const cancel = async (_journey: Journey, order: Order, eventStore: EventStore) => {
  await orderStep(eventStore, order.orderId, { type: 'CancelOrder', data: { orderId: order.orderId, reason: 'changed my mind' } });
};
const cancelledAndRefunded = (_journey: Journey, order: Order) => order.status === 'cancelled' && refundedOf(order) === order.total.amount;

/** Paid → dispatched → delivered → accepted: the tail of every completed path. */
const shipAndAccept: Step[] = [
  { ready: paidAndShipmentOpen, act: dispatch },
  { ready: statusIs('shipped'), act: deliver },
  { ready: statusIs('delivered'), act: accept },
  { ready: statusIs('completed') },
];

const paths: Record<PathName, Step[]> = {
  completed: [{ ready: statusIs('confirmed'), act: payWith('pm_card_visa') }, ...shipAndAccept],
  declinedThenCompleted: [
    { ready: statusIs('confirmed'), act: payWith('pm_card_visa_chargeDeclined') },
    // The retry once the provider's answer is recorded, as a customer would after the error page.
    { ready: async (journey, order, eventStore) => order.status === 'confirmed' && (await paymentOf(eventStore, journey.paymentIds[0] as string)).status === 'declined', act: payWith('pm_card_visa') },
    ...shipAndAccept,
  ],
  returnedOneLine: [
    { ready: statusIs('confirmed'), act: payWith('pm_card_visa') },
    ...shipAndAccept.slice(0, 2),
    {
      ready: statusIs('delivered'),
      act: async (journey, order, eventStore) => {
        const sku = (journey.lines[0] as PlaceOrderLine).sku;
        await orderStep(eventStore, order.orderId, { type: 'RequestReturn', data: { orderId: order.orderId, lines: [{ sku, quantity: 1 }], reason: 'too small', requestedAt: now() } });
      },
    },
    {
      ready: async (_journey, order, eventStore) => (await shipmentOf(eventStore, shipmentIdOf(order.orderId))).status === 'return_requested',
      act: async (journey, order, eventStore) => {
        const shipmentId = shipmentIdOf(order.orderId);
        const sku = (journey.lines[0] as PlaceOrderLine).sku;
        await shipmentStep(eventStore, shipmentId, { type: 'RecordReturn', data: { shipmentId, lines: [{ sku, restocked: 1, damaged: 0 }], receivedAt: now() } });
      },
    },
    { ready: statusIs('refunded') },
  ],
  cancelledAfterPayment: [
    { ready: statusIs('confirmed'), act: payWith('pm_card_visa') },
    { ready: paidAndShipmentOpen, act: cancel },
    { ready: async (journey, order, eventStore) => cancelledAndRefunded(journey, order) && (await shipmentOf(eventStore, shipmentIdOf(order.orderId))).status === 'cancelled' },
  ],
  cancelledUnpaid: [{ ready: statusIs('confirmed'), act: cancel }, { ready: statusIs('cancelled') }],
  // The customer pays and cancels: at once (the cancel lands before the capture, which is then
  // refunded as a late payment), or once the provider captured (a race at the order between the
  // capture and the cancel: paid then cancelled, or cancelled then a late payment). Every way ends
  // cancelled and refunded once.
  payThenCancel: [
    {
      ready: statusIs('confirmed'),
      act: async (journey, order, eventStore) => {
        await payWith('pm_card_visa')(journey, order, eventStore);
        if (journey.index % 2 !== 0) return;
        await retryingConflicts(() => cancel(journey, order, eventStore));
        journey.step += 1;
      },
    },
    {
      ready: async (journey, _order, eventStore) => (await paymentOf(eventStore, journey.paymentIds[0] as string)).status === 'captured',
      act: (journey, order, eventStore) => cancel(journey, order, eventStore),
    },
    { ready: cancelledAndRefunded },
  ],
  rejected: [{ ready: statusIs('rejected') }],
};

export function expectedOf(journey: Journey): Expected {
  const total = journey.lines.reduce((sum, orderLine) => sum + orderLine.quantity * orderLine.unitPrice.amount, 0);
  const all = (lines: PlaceOrderLine[]) => Object.fromEntries(lines.map((orderLine) => [orderLine.sku, orderLine.quantity]));
  const first = journey.lines[0] as PlaceOrderLine;
  switch (journey.path) {
    case 'completed':
      return { status: 'completed', payments: [{ status: 'captured', refunded: 0 }], refunded: 0, notifiedEvents: notified.completed, sold: all(journey.lines), returned: {} };
    case 'declinedThenCompleted':
      return {
        status: 'completed',
        payments: [{ status: 'declined', refunded: 0 }, { status: 'captured', refunded: 0 }],
        refunded: 0,
        notifiedEvents: notified.completed,
        sold: all(journey.lines),
        returned: {},
      };
    case 'returnedOneLine':
      return {
        status: 'refunded',
        payments: [{ status: 'captured', refunded: first.unitPrice.amount }],
        refunded: first.unitPrice.amount,
        notifiedEvents: notified.returned,
        // Every line is sold at the return (OrderReturned commits the held units), then the unit comes back.
        sold: all(journey.lines),
        returned: { [first.sku]: 1 },
      };
    case 'cancelledAfterPayment':
      return { status: 'cancelled', payments: [{ status: 'captured', refunded: total }], refunded: total, notifiedEvents: notified.cancelledAfterPayment, sold: {}, returned: {} };
    case 'cancelledUnpaid':
      return { status: 'cancelled', payments: [], refunded: 0, notifiedEvents: notified.confirmed, sold: {}, returned: {} };
    case 'payThenCancel':
      return { status: 'cancelled', payments: [{ status: 'captured', refunded: total }], refunded: total, notifiedEvents: null, sold: {}, returned: {} };
    case 'rejected':
      return { status: 'rejected', payments: [], refunded: 0, notifiedEvents: ['OrderRejected'], sold: {}, returned: {} };
  }
}

/** The paths in a fixed, interleaved order: every path runs throughout the load, not in one burst. */
export function planPaths(total: number): PathName[] {
  const remaining = new Map(Object.entries(pathShares) as Array<[PathName, number]>);
  const sum = [...remaining.values()].reduce((a, b) => a + b, 0);
  if (sum !== total) throw new Error(`path shares add up to ${sum}, not ${total}`);
  const plan: PathName[] = [];
  // Largest remainder first, each path spread evenly over the sequence.
  const taken = new Map<PathName, number>();
  for (let index = 0; index < total; index += 1) {
    let best: PathName | undefined;
    let bestLag = -Infinity;
    for (const [path, share] of remaining) {
      const lag = ((index + 1) * share) / total - (taken.get(path) ?? 0);
      if (lag > bestLag) [best, bestLag] = [path, lag];
    }
    const chosen = best as PathName;
    taken.set(chosen, (taken.get(chosen) ?? 0) + 1);
    plan.push(chosen);
  }
  return plan;
}

export function linesOf(path: PathName, index: number): PlaceOrderLine[] {
  const sku = (offset: number) => skus[(index + offset) % skus.length] as string;
  const ofSku = (name: string, quantity: number) => line(name, quantity, priceOf(name));
  switch (path) {
    case 'returnedOneLine':
      return [ofSku(sku(0), 2), ofSku(sku(1), 1)];
    case 'rejected':
      // One line in stock, one never received: the reserved one must be released.
      return [ofSku(sku(0), 1), ofSku(missingSku, 1)];
    default:
      return index % 3 === 0 ? [ofSku(sku(0), 1 + (index % 2)), ofSku(sku(2), 1)] : [ofSku(sku(0), 1 + (index % 3))];
  }
}

/** A command answered by ConcurrencyError (an actor appended to the stream meanwhile) is tried again on the new revision, as the command API's handler does. */
async function retryingConflicts(work: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 10) throw error;
    }
  }
}

export function newJourney(index: number, path: PathName, customerId: string): Journey {
  return { index, path, customerId, lines: linesOf(path, index), orderId: randomUUID(), paymentIds: [], step: 0, placedAt: 0, doneAt: null };
}

export async function place(eventStore: EventStore, journey: Journey): Promise<void> {
  await placeOrder(eventStore, journey.customerId, journey.lines, journey.orderId);
  journey.placedAt = Date.now();
}

/**
 * One look at a journey: if the state its next step waits for is there, takes the step (a
 * ConcurrencyError is tried again on the next look; any other error, a domain refusal included,
 * fails the test). Returns true when the journey reached its end.
 */
export async function advance(eventStore: EventStore, journey: Journey): Promise<boolean> {
  if (journey.doneAt !== null) return true;
  const steps = paths[journey.path];
  const step = steps[journey.step] as Step;
  const state: OrderState = await orderOf(eventStore, journey.orderId);
  if (state.status === 'absent') return false;
  if (!(await step.ready(journey, state, eventStore))) return false;
  if (!step.act) {
    journey.doneAt = Date.now();
    return true;
  }
  try {
    await step.act(journey, state, eventStore);
  } catch (error) {
    if (error instanceof ConcurrencyError) return false;
    throw new Error(`order ${journey.orderId} (${journey.path}, step ${journey.step}, status ${state.status}): ${(error as Error).message}`, { cause: error });
  }
  journey.step += 1;
  return false;
}

/** Where a journey is: its path's step index and the order's status (for a timeout's message). */
export const describeJourney = async (eventStore: EventStore, journey: Journey) => `${journey.orderId} ${journey.path} step ${journey.step} status ${(await orderOf(eventStore, journey.orderId)).status}`;
