import type { DomainEvent } from '../shared';

/** Events of a shipment stream, `shipment-<shipmentId>` (topic ecommerce.shipping.events). */
export type ShipmentEvent = DomainEvent<
  'ShipmentOpened' | 'ShipmentDispatched' | 'ShipmentDelivered' | 'ShipmentCancelled' | 'ShipmentReturnRequested' | 'ShipmentReturned'
>;

export type ShipmentEventType = ShipmentEvent['type'];

export const shipmentStreamId = (shipmentId: string): string => `shipment-${shipmentId}`;
