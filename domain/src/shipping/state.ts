import type { OrderReturnLine, PostalAddress, ReturnedLine, ShipmentLine } from '@ecommerce/schemas';
import type { ShipmentEvent } from './events';

export const shipmentStatuses = ['open', 'dispatched', 'delivered', 'return_requested', 'returned', 'cancelled'] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

export interface Shipment {
  status: ShipmentStatus;
  shipmentId: string;
  orderId: string;
  customerId: string;
  lines: ShipmentLine[];
  address: PostalAddress;
  openedAt: string;
  carrier: string | null;
  trackingNumber: string | null;
  dispatchedAt: string | null;
  deliveredAt: string | null;
  returnLines: OrderReturnLine[] | null;
  returnedLines: ReturnedLine[] | null;
}

export type ShipmentState = { status: 'absent' } | Shipment;

export const initialShipmentState = (): ShipmentState => ({ status: 'absent' });

export const evolveShipment = (state: ShipmentState, event: ShipmentEvent): ShipmentState => {
  if (event.type === 'ShipmentOpened') {
    if (state.status !== 'absent') return state;
    const { shipmentId, orderId, customerId, lines, address, openedAt } = event.data;
    return {
      status: 'open',
      shipmentId,
      orderId,
      customerId,
      lines,
      address,
      openedAt,
      carrier: null,
      trackingNumber: null,
      dispatchedAt: null,
      deliveredAt: null,
      returnLines: null,
      returnedLines: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'ShipmentDispatched': {
      const { carrier, trackingNumber, dispatchedAt } = event.data;
      return { ...state, status: 'dispatched', carrier, trackingNumber, dispatchedAt };
    }
    case 'ShipmentDelivered':
      return { ...state, status: 'delivered', deliveredAt: event.data.deliveredAt };
    case 'ShipmentCancelled':
      return { ...state, status: 'cancelled' };
    case 'ShipmentReturnRequested':
      return { ...state, status: 'return_requested', returnLines: event.data.lines };
    case 'ShipmentReturned':
      return { ...state, status: 'returned', returnedLines: event.data.lines };
    default:
      return state;
  }
};
