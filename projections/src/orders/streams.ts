import type { StreamSliceModel } from '../apply-by-stream';
import { withoutStoreFields } from '../apply-by-document';
import { evolvePaymentFields, paymentEventTypes } from '../payments/document';
import type { PaymentFields } from '../payments/document';
import { evolveShipmentFields, shipmentEventTypes } from '../shipments/document';
import type { ShipmentFields } from '../shipments/document';
import { evolveOrderFields, orderEventTypes } from './document';
import type { OrderDocument, OrderFields } from './document';

const orderIdOf = (event: { data: unknown }) => (event.data as { orderId: string }).orderId;

/** The order stream owns every field but `payments` and `shipment`; the document is the order only once it has a status. */
function orderFieldsOf(doc: OrderDocument): OrderFields | null {
  if (doc.status === undefined) return null;
  const { payments: _unusedPayments, shipment: _unusedShipment, ...fields } = withoutStoreFields(doc);
  return fields;
}

export const orderStream: StreamSliceModel<OrderDocument, OrderFields> = {
  handles: new Set<string>(orderEventTypes),
  idOf: orderIdOf,
  sliceOf: orderFieldsOf,
  evolve: evolveOrderFields,
  fieldsOf: (fields) => fields,
  // OrderPlaced comes before any payment or shipment of the order is asked for
  opensDocument: true,
};

/** Each payment stream of the order owns `payments.<paymentId>` (payment ids are UUIDs: safe as a path). */
export const paymentStreams: StreamSliceModel<OrderDocument, PaymentFields> = {
  handles: new Set<string>(paymentEventTypes),
  idOf: orderIdOf,
  sliceOf: (doc, stream) => Object.values(doc.payments ?? {}).find((payment) => `payment-${payment.paymentId}` === stream) ?? null,
  evolve: evolvePaymentFields,
  fieldsOf: (payment) => ({ [`payments.${payment.paymentId}`]: payment }),
};

/** The order's one shipment stream owns `shipment`. */
export const shipmentStream: StreamSliceModel<OrderDocument, ShipmentFields> = {
  handles: new Set<string>(shipmentEventTypes),
  idOf: orderIdOf,
  sliceOf: (doc) => doc.shipment ?? null,
  evolve: evolveShipmentFields,
  fieldsOf: (shipment) => ({ shipment }),
};
