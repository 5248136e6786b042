import { asDeciderEvent } from '@ecommerce/platform';
import type { EventStore, RecordedEvent } from '@ecommerce/platform';
import { inventoryDecider, onHandOf, orderDecider, orderStreamId, paymentDecider, satisfiesRefundInvariant, satisfiesStockInvariant } from '@ecommerce/domain';
import type { InventoryEvent, InventoryState, OrderEvent, OrderState, PaymentEvent, PaymentState } from '@ecommerce/domain';

export interface Finding {
  stream: string;
  /** The event after which it was seen (its revision), or null for the stream as a whole. */
  revision: number | null;
  problem: string;
}

export interface VerifyReport {
  events: number;
  skus: number;
  orders: number;
  payments: number;
  findings: Finding[];
}

interface Fold<Event, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
}

/** Every stream of one category folded event by event, so an invariant is checked at every moment, not only at the end. */
function createStreamFolds<Event, State>(fold: Fold<Event, State>) {
  const states = new Map<string, State>();
  return {
    apply(event: Event, streamId: string): State {
      const next = fold.evolve(states.get(streamId) ?? fold.initialState(), event);
      states.set(streamId, next);
      return next;
    },
    get: (streamId: string): State => states.get(streamId) ?? fold.initialState(),
    entries: () => states.entries(),
    size: () => states.size,
  };
}

/** What an inventory stream adds up to, recounted from the events themselves rather than from the decider's state. */
interface Ledger {
  received: number;
  adjusted: number;
  returned: number;
}

const categoryOf = (streamId: string): string => streamId.slice(0, streamId.indexOf('-'));

/**
 * Refolds the whole event store and checks the invariants that span streams and time (issue 9,
 * DESIGN §4.5): for every SKU at every moment reserved + sold never exceed what was received less
 * adjustments plus returns, and the ledger onHand = received − adjusted − sold + returned holds
 * against a recount of the events; every order's total is the sum of its lines in one currency;
 * every payment's refunds never exceed what was captured, and what was captured is its order's total.
 */
export async function verifyEventStore(eventStore: EventStore, options: { pageSize?: number } = {}): Promise<VerifyReport> {
  const pageSize = options.pageSize ?? 5_000;
  const findings: Finding[] = [];
  const inventory = createStreamFolds<InventoryEvent, InventoryState>(inventoryDecider);
  const orders = createStreamFolds<OrderEvent, OrderState>(orderDecider);
  const payments = createStreamFolds<PaymentEvent, PaymentState>(paymentDecider);
  const ledgers = new Map<string, Ledger>();
  let events = 0;

  const checkInventory = (event: RecordedEvent) => {
    const typed = asDeciderEvent<InventoryEvent>(event);
    const state = inventory.apply(typed, event.streamId);
    const ledger = ledgers.get(event.streamId) ?? { received: 0, adjusted: 0, returned: 0 };
    if (typed.type === 'StockRestocked') ledger.received += typed.data.quantity;
    if (typed.type === 'StockAdjusted') ledger.adjusted += typed.data.delta;
    if (typed.type === 'StockReturned') ledger.returned += typed.data.quantity;
    ledgers.set(event.streamId, ledger);
    if (!satisfiesStockInvariant(state)) {
      findings.push({ stream: event.streamId, revision: event.revision, problem: `oversold: reserved ${state.reserved} + sold ${state.sold} exceed received ${state.received} ± adjustments + returned ${state.returned}` });
    }
    const recounted = ledger.received + ledger.adjusted - state.sold + ledger.returned;
    if (onHandOf(state) !== recounted) {
      findings.push({ stream: event.streamId, revision: event.revision, problem: `ledger: on hand ${onHandOf(state)}, but received ${ledger.received} + adjusted ${ledger.adjusted} − sold ${state.sold} + returned ${ledger.returned} = ${recounted}` });
    }
  };

  const checkOrder = (event: RecordedEvent) => {
    const typed = asDeciderEvent<OrderEvent>(event);
    orders.apply(typed, event.streamId);
    if (typed.type !== 'OrderPlaced') return;
    const { lines, total } = typed.data;
    const currencies = new Set([total.currency, ...lines.map((line) => line.unitPrice.currency)]);
    const sum = lines.reduce((amount, line) => amount + line.quantity * line.unitPrice.amount, 0);
    if (currencies.size > 1) findings.push({ stream: event.streamId, revision: event.revision, problem: `mixed currencies: ${[...currencies].join(', ')}` });
    if (sum !== total.amount) findings.push({ stream: event.streamId, revision: event.revision, problem: `total ${total.amount} is not the sum of its lines ${sum}` });
  };

  const checkPayment = (event: RecordedEvent) => {
    const state = payments.apply(asDeciderEvent<PaymentEvent>(event), event.streamId);
    if (!satisfiesRefundInvariant(state)) findings.push({ stream: event.streamId, revision: event.revision, problem: 'refunds exceed what was captured' });
  };

  const checks: Record<string, (event: RecordedEvent) => void> = { inventory: checkInventory, order: checkOrder, payment: checkPayment };
  for (let after = 0; ; ) {
    const page = await eventStore.readAll({ after, maxCount: pageSize });
    for (const event of page) checks[categoryOf(event.streamId)]?.(event);
    events += page.length;
    if (page.length < pageSize) break;
    after = (page.at(-1) as RecordedEvent).position;
  }

  // Captured money belongs to an order of that amount (a refund owed for a late payment is the order's to ask, not an error).
  for (const [stream, payment] of payments.entries()) {
    if (payment.status === 'absent' || payment.captured === 0) continue;
    const order = orders.get(orderStreamId(payment.orderId));
    if (order.status === 'absent') findings.push({ stream, revision: null, problem: `captured for order ${payment.orderId}, which is not in the store` });
    else if (order.total.amount !== payment.captured || order.total.currency !== payment.amount.currency) {
      findings.push({ stream, revision: null, problem: `captured ${payment.captured} ${payment.amount.currency} for an order of ${order.total.amount} ${order.total.currency}` });
    }
  }
  return { events, skus: inventory.size(), orders: orders.size(), payments: payments.size(), findings };
}
