/** The actors: inventory per SKU, the order lifecycle per order id, payments, shipments and a user's notifications, with their inbox messages. */
export { createInventoryActor } from './inventory-actor';
export type { InventoryActor } from './inventory-actor';
export { createOrderActor } from './order-actor';
export type { OrderActor, OrderActorOptions } from './order-actor';
export { createPaymentActor } from './payment-actor';
export type { PaymentActor, PaymentActorOptions } from './payment-actor';
export { createShipmentActor } from './shipment-actor';
export type { ShipmentActor } from './shipment-actor';
export { createNotificationActor, senderMessageIdOf } from './notification-actor';
export type { NotificationActor, NotificationActorOptions, NotificationSenders } from './notification-actor';
export { toActorDecider } from './actor-decider';
export { inventoryActorType, inventoryInboxTopic, orderActorType, orderInboxTopic } from './messages';
export type {
  CommitStockMessage,
  InventoryMessage,
  OrderMessage,
  PaymentCapturedMessage,
  PaymentRefundSucceededMessage,
  ReleaseStockMessage,
  ReserveStockMessage,
  ReturnStockMessage,
  ShipmentDeliveredMessage,
  ShipmentDispatchedMessage,
  ShipmentReturnedMessage,
  StockReservationRejectedReply,
  StockReservedReply,
  TimerFiredMessage,
} from './messages';
export {
  notificationActorType,
  notificationInboxTopic,
  paymentActorType,
  paymentInboxTopic,
  shipmentActorType,
  shipmentInboxTopic,
} from './lifecycle-messages';
export type {
  CancelShipmentMessage,
  DeliverMessage,
  ExecutePaymentMessage,
  ExecuteRefundMessage,
  ExpectReturnMessage,
  NotificationMessage,
  NotifyMessage,
  OpenShipmentMessage,
  PaymentMessage,
  RequestRefundMessage,
  ShipmentMessage,
} from './lifecycle-messages';
