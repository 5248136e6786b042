/** The actors of issue #4: inventory per SKU and the order lifecycle per order id, with their inbox messages. */
export { createInventoryActor } from './inventory-actor';
export type { InventoryActor } from './inventory-actor';
export { createOrderActor } from './order-actor';
export type { OrderActor } from './order-actor';
export { toActorDecider } from './actor-decider';
export { inventoryActorType, inventoryInboxTopic, orderActorType, orderInboxTopic } from './messages';
export type {
  CommitStockMessage,
  InventoryMessage,
  OrderMessage,
  PaymentSucceededMessage,
  ReleaseStockMessage,
  ReserveStockMessage,
  StockReservationRejectedReply,
  StockReservedReply,
  TimerFiredMessage,
} from './messages';
