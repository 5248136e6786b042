/** The shipments read model: one document per shipment, for admins. */
export { shipmentsProjection } from './projection';
export { evolveShipmentFields, shipmentEventTypes } from './document';
export type { ShipmentDocument, ShipmentFields } from './document';
