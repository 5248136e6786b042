import { inventoryDecider, inventoryStreamId, lineOutcomeOf, openReservations, orderDecider, reservationOf, satisfiesStockInvariant, settlementOf } from '@ecommerce/domain';
import type { InventoryEvent, InventoryState, Order, OrderEvent, OrderState, OrderStatus } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { EventStore, RecordedEvent } from '@ecommerce/platform';

export interface CheckFinding {
  subject: string;
  problem: string;
}

/** Every order and every SKU of the store, folded by their deciders. */
export interface FoldedStore {
  /** By order id. */
  orders: Map<string, Order>;
  /** By inventory stream id. */
  inventories: Map<string, InventoryState>;
}

/** Statuses in which an order holds its units; ones in which it bought them; ones in which it gave them back. */
const holding: ReadonlySet<OrderStatus> = new Set(['confirmed', 'paid', 'shipped', 'delivered', 'return_requested']);
const bought: ReadonlySet<OrderStatus> = new Set(['completed', 'returned', 'refunded']);
const gaveBack: ReadonlySet<OrderStatus> = new Set(['rejected', 'expired', 'cancelled']);

function checkLines(order: Order, inventoryOf: (sku: string) => InventoryState, findings: CheckFinding[]): void {
  const subject = `order-${order.orderId}`;
  for (const line of order.lines) {
    const inventory = inventoryOf(line.sku);
    const outcome = lineOutcomeOf(order, line.sku);
    const hold = reservationOf(inventory, order.orderId);
    const settled = settlementOf(inventory, order.orderId);
    const skuSays = hold ? `holds ${hold.quantity}` : (settled ?? 'knows nothing of it');
    if (outcome === 'reserved' && !hold && settled !== 'released' && settled !== 'committed') findings.push({ subject, problem: `${line.sku} reserved by the order, but the SKU ${skuSays}` });
    if (outcome === 'rejected' && settled !== 'rejected') findings.push({ subject, problem: `${line.sku} rejected by the order, but the SKU ${skuSays}` });
    if (holding.has(order.status) && (outcome !== 'reserved' || hold?.quantity !== line.quantity)) {
      findings.push({ subject, problem: `${order.status} but ${line.sku} is ${outcome ?? 'unanswered'} by the order and the SKU ${skuSays} (line of ${line.quantity})` });
    }
    if (bought.has(order.status) && settled !== 'committed') findings.push({ subject, problem: `${order.status} but the SKU ${line.sku} ${skuSays}` });
    if (gaveBack.has(order.status) && hold) findings.push({ subject, problem: `${order.status} but the SKU ${line.sku} still holds ${hold.quantity} for it` });
    if (gaveBack.has(order.status) && outcome === 'reserved' && settled !== 'released') findings.push({ subject, problem: `${order.status} with ${line.sku} reserved, but the SKU never released it (${skuSays})` });
  }
}

/**
 * Every order is in a state its events justify, and every SKU agrees: a confirmed order has
 * every line held at its quantity, a rejected one has a rejected line and holds nothing, no order
 * is left placed; no SKU holds units for an order that does not hold them, none is oversold, and
 * each SKU's reserved count is the sum of its holds.
 */
export function checkOrders(store: FoldedStore): { findings: CheckFinding[]; byStatus: Record<string, number> } {
  const findings: CheckFinding[] = [];
  const byStatus: Record<string, number> = {};
  const inventoryOf = (sku: string) => store.inventories.get(inventoryStreamId(sku)) ?? inventoryDecider.initialState();
  for (const order of store.orders.values()) {
    byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
    if (order.status === 'placed') findings.push({ subject: `order-${order.orderId}`, problem: `still placed: ${Object.keys(order.lineOutcomes).length} of ${order.lines.length} lines answered` });
    if (order.status === 'rejected' && !order.lines.some((line) => lineOutcomeOf(order, line.sku) === 'rejected')) findings.push({ subject: `order-${order.orderId}`, problem: 'rejected without a rejected line' });
    checkLines(order, inventoryOf, findings);
  }
  for (const [stream, inventory] of store.inventories) {
    if (!satisfiesStockInvariant(inventory)) findings.push({ subject: stream, problem: `oversold: reserved ${inventory.reserved} + sold ${inventory.sold} exceed received ${inventory.received} ± adjustments + returned ${inventory.returned}` });
    const holds = openReservations(inventory);
    const held = holds.reduce((sum, [, hold]) => sum + hold.quantity, 0);
    if (held !== inventory.reserved) findings.push({ subject: stream, problem: `reserved ${inventory.reserved}, but its holds add up to ${held}` });
    for (const [orderId, hold] of holds) {
      const order = store.orders.get(orderId);
      if (!order || !holding.has(order.status)) findings.push({ subject: stream, problem: `holds ${hold.quantity} for order ${orderId}, which is ${order?.status ?? 'not in the store'}` });
    }
  }
  return { findings, byStatus };
}

/** One pass over `$all`, folding the order and inventory streams. */
export async function foldStore(eventStore: EventStore, pageSize = 5000): Promise<FoldedStore> {
  const orders = new Map<string, OrderState>();
  const inventories = new Map<string, InventoryState>();
  for (let after = 0; ; ) {
    const page = await eventStore.readAll({ after, maxCount: pageSize });
    for (const event of page) {
      if (event.streamId.startsWith('order-')) orders.set(event.streamId, orderDecider.evolve(orders.get(event.streamId) ?? orderDecider.initialState(), asDeciderEvent<OrderEvent>(event)));
      else if (event.streamId.startsWith('inventory-')) inventories.set(event.streamId, inventoryDecider.evolve(inventories.get(event.streamId) ?? inventoryDecider.initialState(), asDeciderEvent<InventoryEvent>(event)));
    }
    if (page.length < pageSize) break;
    after = (page.at(-1) as RecordedEvent).position;
  }
  const placed = [...orders.values()].filter((state): state is Order => state.status !== 'absent');
  return { orders: new Map(placed.map((order) => [order.orderId, order])), inventories };
}
