import type { Decider } from '../shared';
import type { ShipmentCommand } from './commands';
import { decideShipment } from './decide';
import type { ShipmentEvent } from './events';
import type { ShipmentState } from './state';
import { evolveShipment, initialShipmentState } from './state';

export type { CancelShipment, DeliverShipment, DispatchShipment, ExpectReturn, OpenShipment, RecordReturn, ShipmentCommand } from './commands';
export type { ShipmentEvent, ShipmentEventType } from './events';
export { shipmentIdOf, shipmentStreamId } from './events';
export type { Shipment, ShipmentState, ShipmentStatus } from './state';
export { shipmentStatuses } from './state';
export { shippingLimits } from './decide';

/**
 * One shipment per stream `shipment-<shipmentId>`: open → dispatched → delivered →
 * return_requested → returned, or open → cancelled.
 */
export const shipmentDecider: Decider<ShipmentCommand, ShipmentEvent, ShipmentState> = {
  initialState: initialShipmentState,
  evolve: evolveShipment,
  decide: decideShipment,
};
