import type { RecordedEvent } from '@ecommerce/platform';
import { streamKind } from '../apply-by-stream';
import { createLifecycleEvents, lifecycleIds } from '../lifecycle.fixture';
import type { OrderDocument } from './document';
import { orderStream, paymentStreams, shipmentStream } from './streams';

const { orderId, paymentId, shipmentId } = lifecycleIds;
const events = createLifecycleEvents();
const of = (stream: string, upTo = Infinity) => events.filter((event) => event.streamId === stream && event.revision <= upTo);
const orderEvents = of(`order-${orderId}`);
const paymentEvents = of(`payment-${paymentId}`);

/** The document after a stream's guarded `$set`, as the store applies it (dotted paths included). */
function written(doc: OrderDocument | null, stream: string, write: { set: Record<string, unknown>; revision: number }): OrderDocument {
  const next = structuredClone(doc ?? ({ _id: orderId } as OrderDocument)) as Record<string, unknown>;
  for (const [path, value] of Object.entries(write.set)) {
    const [head, key] = path.split('.') as [string, string | undefined];
    if (key === undefined) next[head] = value;
    else next[head] = { ...(next[head] as object | undefined), [key]: value };
  }
  return { ...(next as OrderDocument), _revisions: { ...doc?._revisions, [stream]: write.revision } };
}

function applied(doc: OrderDocument | null, kind: ReturnType<typeof streamKind<OrderDocument, never>>, streamEvents: RecordedEvent[]): OrderDocument {
  const stream = (streamEvents[0] as RecordedEvent).streamId;
  const write = kind.fold(doc, stream, streamEvents);
  if (!write) throw new Error(`nothing to write for ${stream}`);
  return written(doc, stream, write);
}

const order = streamKind(orderStream);
const payments = streamKind(paymentStreams);
const shipment = streamKind(shipmentStream);

describe('the streams that write an order', () => {
  it('lets a payment write only its own entry, before or after the order exists', () => {
    const write = payments.fold(null, `payment-${paymentId}`, paymentEvents);
    expect(Object.keys(write?.set ?? {})).toEqual([`payments.${paymentId}`]);
    expect(write?.revision).toBe(4);
    const withOrder = applied(null, order, orderEvents);
    expect(Object.keys(payments.fold(withOrder, `payment-${paymentId}`, paymentEvents)?.set ?? {})).toEqual([`payments.${paymentId}`]);
  });

  it('lets the order stream write its fields and never the payments or the shipment', () => {
    const early = applied(applied(null, payments, paymentEvents), shipment, of(`shipment-${shipmentId}`));
    const write = order.fold(early, `order-${orderId}`, orderEvents);
    expect(write?.set).not.toHaveProperty('payments');
    expect(write?.set).not.toHaveProperty('shipment');
    expect(write?.set).toMatchObject({ status: 'refunded', revision: 10 });
  });

  it('ends with the same document whichever stream comes first', () => {
    const orderFirst = applied(applied(applied(null, order, orderEvents), payments, paymentEvents), shipment, of(`shipment-${shipmentId}`));
    const orderLast = applied(applied(applied(null, shipment, of(`shipment-${shipmentId}`)), payments, paymentEvents), order, orderEvents);
    expect(orderLast).toEqual(orderFirst);
  });

  it('continues each stream from its own revision, and writes nothing on redelivery', () => {
    const partly = applied(applied(null, order, of(`order-${orderId}`, 4)), payments, of(`payment-${paymentId}`, 1));
    expect(partly.payments?.[paymentId]?.status).toBe('requires_action');
    const rest = applied(applied(partly, order, orderEvents), payments, paymentEvents);
    expect(rest).toEqual(applied(applied(null, order, orderEvents), payments, paymentEvents));
    expect(order.fold(rest, `order-${orderId}`, orderEvents)).toBeNull();
    expect(payments.fold(rest, `payment-${paymentId}`, paymentEvents)).toBeNull();
  });

  it('does not make an order of a document holding only other streams', () => {
    const early = applied(null, payments, paymentEvents);
    expect(order.fold(early, `order-${orderId}`, orderEvents.filter((event) => event.type !== 'OrderPlaced'))).toBeNull();
  });
});
