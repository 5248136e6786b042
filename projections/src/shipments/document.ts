import type {
  ShipmentCancelled, ShipmentDelivered, ShipmentDispatched, ShipmentFieldsEntry, ShipmentOpened, ShipmentReturned, ShipmentReturnRequested,
} from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { ShipmentDocument, ShipmentFieldsEntry } from '@ecommerce/schemas';

export type ShipmentFields = ShipmentFieldsEntry;

export const shipmentEventTypes = ['ShipmentOpened', 'ShipmentDispatched', 'ShipmentDelivered', 'ShipmentCancelled', 'ShipmentReturnRequested', 'ShipmentReturned'] as const;

function openedShipment(event: ProjectedEvent): ShipmentFields {
  const { shipmentId, orderId, customerId, lines, address, openedAt } = event.data as ShipmentOpened;
  return {
    shipmentId, orderId, customerId, status: 'open', lines, address, carrier: null, trackingNumber: null, openedAt, dispatchedAt: null, deliveredAt: null, cancelledAt: null,
    returnRequest: null, returned: null, updatedAt: event.occurredAt, revision: event.revision,
  };
}

/** The fields one shipment event changes (the same steps as the domain's evolveShipment). */
function changedFields(event: ProjectedEvent): Partial<ShipmentFields> {
  switch (event.type) {
    case 'ShipmentDispatched': {
      const { carrier, trackingNumber, dispatchedAt } = event.data as ShipmentDispatched;
      return { status: 'dispatched', carrier, trackingNumber, dispatchedAt };
    }
    case 'ShipmentDelivered':
      return { status: 'delivered', deliveredAt: (event.data as ShipmentDelivered).deliveredAt };
    case 'ShipmentCancelled':
      return { status: 'cancelled', cancelledAt: (event.data as ShipmentCancelled).cancelledAt };
    case 'ShipmentReturnRequested': {
      const { lines, requestedAt } = event.data as ShipmentReturnRequested;
      return { status: 'return_requested', returnRequest: { lines, requestedAt } };
    }
    case 'ShipmentReturned': {
      const { lines, receivedAt } = event.data as ShipmentReturned;
      return { status: 'returned', returned: { lines, receivedAt } };
    }
    default:
      return {};
  }
}

/** A shipment after an event of its stream (pure); events before ShipmentOpened change nothing. */
export function evolveShipmentFields(current: ShipmentFields | null, event: ProjectedEvent): ShipmentFields | null {
  if (event.type === 'ShipmentOpened') return current ?? openedShipment(event);
  if (!current) return null;
  return { ...current, ...changedFields(event), updatedAt: event.occurredAt, revision: event.revision };
}
