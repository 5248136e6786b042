import type { Decider } from '../shared';
import type { OrderCommand } from './commands';
import { decideOrder } from './decide';
import type { OrderEvent } from './events';
import type { OrderState } from './state';
import { evolveOrder, initialOrderState } from './state';

export type {
  AcceptOrder,
  CancelOrder,
  FireTimer,
  MarkDelivered,
  MarkPaid,
  MarkShipped,
  OrderCommand,
  PlaceOrder,
  PlaceOrderLine,
  RecordRefund,
  RecordReservation,
  RecordReturnReceived,
  RequestReturn,
} from './commands';
export type { OrderEvent, OrderEventType } from './events';
export { acceptanceTimerIdOf, orderStreamId, paymentTimerIdOf, refundIdOf } from './events';
export type { LineOutcome, Order, OrderDelivery, OrderReturnRequest, OrderShipment, OrderState, OrderStatus, RequestedRefund } from './state';
export {
  hasRefunded,
  isFinalOrderStatus,
  lineOutcomeOf,
  linesToCommit,
  linesToRelease,
  orderStatuses,
  refundedAmountOf,
  refundRequestOf,
} from './state';
export { orderingLimits, refundOfReturn } from './rules';
export { assertOrderPayable } from './guards';

/**
 * One order per stream `order-<orderId>`: the order actor's decider, from placement through
 * payment, shipment, delivery, acceptance or return, and refunds (DESIGN §6).
 */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  initialState: initialOrderState,
  evolve: evolveOrder,
  decide: decideOrder,
};
