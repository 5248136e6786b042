import type { Decider } from '../shared';
import type { OrderCommand } from './commands';
import { decideOrder } from './decide';
import type { OrderEvent } from './events';
import type { OrderState } from './state';
import { evolveOrder, initialOrderState } from './state';

export type { CancelOrder, FireTimer, MarkPaid, OrderCommand, PlaceOrder, PlaceOrderLine, RecordReservation } from './commands';
export type { OrderEvent, OrderEventType } from './events';
export { orderStreamId, paymentTimerIdOf } from './events';
export type { LineOutcome, Order, OrderState, OrderStatus } from './state';
export { isFinalOrderStatus, lineOutcomeOf, linesToRelease, orderStatuses } from './state';
export { orderingLimits } from './rules';

/** One order per stream `order-<orderId>`: the order actor's decider, up to payment (DESIGN §6). */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  initialState: initialOrderState,
  evolve: evolveOrder,
  decide: decideOrder,
};
