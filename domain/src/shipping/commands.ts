import type { OrderReturnLine, PostalAddress, ReturnedLine, ShipmentLine } from '@ecommerce/schemas';
import type { DomainCommand } from '../shared';

/** A paid order opens its shipment (the router, on OrderPaid); `shipmentId` is made by the router from the order id. */
export type OpenShipment = DomainCommand<
  'OpenShipment',
  { shipmentId: string; orderId: string; customerId: string; lines: ShipmentLine[]; address: PostalAddress; openedAt: string }
>;

/** An admin hands the parcel to a carrier. */
export type DispatchShipment = DomainCommand<'DispatchShipment', { shipmentId: string; carrier: string; trackingNumber: string; dispatchedAt: string }>;

/** An admin (or a carrier's report) records the delivery. */
export type DeliverShipment = DomainCommand<'DeliverShipment', { shipmentId: string; deliveredAt: string }>;

/** The order was cancelled before dispatch (the router, on OrderCancelled). */
export type CancelShipment = DomainCommand<'CancelShipment', { shipmentId: string; cancelledAt: string }>;

/** The customer asked to return these quantities (the router, on OrderReturnRequested). */
export type ExpectReturn = DomainCommand<'ExpectReturn', { shipmentId: string; lines: OrderReturnLine[]; requestedAt: string }>;

/** An admin records what came back, per line: restocked and damaged; a line left out came back with nothing. */
export type RecordReturn = DomainCommand<'RecordReturn', { shipmentId: string; lines: ReturnedLine[]; receivedAt: string }>;

export type ShipmentCommand = OpenShipment | DispatchShipment | DeliverShipment | CancelShipment | ExpectReturn | RecordReturn;
