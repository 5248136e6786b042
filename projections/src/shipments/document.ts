import type { DomainEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { ShipmentFieldsEntry, ShipmentOpened } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { ShipmentDocument, ShipmentFieldsEntry } from '@ecommerce/schemas';

export type ShipmentFields = ShipmentFieldsEntry;

export const shipmentEventTypes = ['ShipmentOpened', 'ShipmentDispatched', 'ShipmentDelivered', 'ShipmentCancelled', 'ShipmentReturnRequested', 'ShipmentReturned'] as const;

function openedShipment(event: ProjectedEvent, opened: ShipmentOpened): ShipmentFields {
  const { shipmentId, orderId, customerId, lines, address, openedAt } = opened;
  return {
    shipmentId, orderId, customerId, status: 'open', lines, address, carrier: null, trackingNumber: null, openedAt, dispatchedAt: null, deliveredAt: null, cancelledAt: null,
    returnRequest: null, returned: null, updatedAt: event.occurredAt, revision: event.revision,
  };
}

/** The fields one shipment event changes (the same steps as the domain's evolveShipment). */
function changedFields(event: DomainEvent): Partial<ShipmentFields> {
  switch (event.type) {
    case 'ShipmentDispatched': {
      const { carrier, trackingNumber, dispatchedAt } = event.data;
      return { status: 'dispatched', carrier, trackingNumber, dispatchedAt };
    }
    case 'ShipmentDelivered':
      return { status: 'delivered', deliveredAt: event.data.deliveredAt };
    case 'ShipmentCancelled':
      return { status: 'cancelled', cancelledAt: event.data.cancelledAt };
    case 'ShipmentReturnRequested': {
      const { lines, requestedAt } = event.data;
      return { status: 'return_requested', returnRequest: { lines, requestedAt } };
    }
    case 'ShipmentReturned': {
      const { lines, receivedAt } = event.data;
      return { status: 'returned', returned: { lines, receivedAt } };
    }
    default:
      return {};
  }
}

/** A shipment after an event of its stream (pure); events before ShipmentOpened change nothing. */
export function evolveShipmentFields(current: ShipmentFields | null, event: ProjectedEvent): ShipmentFields | null {
  const typed = asDeciderEvent<DomainEvent>(event);
  if (typed.type === 'ShipmentOpened') return current ?? openedShipment(event, typed.data);
  if (!current) return null;
  return { ...current, ...changedFields(typed), updatedAt: event.occurredAt, revision: event.revision };
}
