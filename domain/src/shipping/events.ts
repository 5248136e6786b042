import type { DomainEvent } from '../shared';

/** Events of a shipment stream, `shipment-<shipmentId>` (topic ecommerce.shipping.events). */
export type ShipmentEvent = DomainEvent<
  'ShipmentOpened' | 'ShipmentDispatched' | 'ShipmentDelivered' | 'ShipmentCancelled' | 'ShipmentReturnRequested' | 'ShipmentReturned'
>;

export type ShipmentEventType = ShipmentEvent['type'];

export const shipmentStreamId = (shipmentId: string): string => `shipment-${shipmentId}`;

/**
 * An order has one shipment, opened by the router when it is paid; its id is the order's own, so
 * the router, the admin routes and the read side find it from the order with nothing to look up
 * (and a redelivered OrderPaid opens the same one).
 */
export const shipmentIdOf = (orderId: string): string => orderId;
