import type { UserOrderEntry, UserOrdersDocument } from '@ecommerce/schemas';
import type { StreamSliceModel } from '../apply-by-stream';

export type { UserOrderEntry, UserOrdersDocument } from '@ecommerce/schemas';

type PlacedOrder = UserOrderEntry & { orderId: string };

const orderIdOfStream = (stream: string) => stream.slice('order-'.length);

/**
 * Each order stream owns its entry `orders.<orderId>` of its customer's tally (order ids are UUIDs:
 * safe as a path). Only OrderPlaced matters: it alone names the customer, and what it says never changes.
 */
export const userOrdersStream: StreamSliceModel<UserOrdersDocument, PlacedOrder> = {
  handles: new Set(['OrderPlaced']),
  idOf: (event) => (event.data as { customerId: string }).customerId,
  sliceOf: (doc, stream) => {
    const entry = doc.orders?.[orderIdOfStream(stream)];
    return entry ? { orderId: orderIdOfStream(stream), ...entry } : null;
  },
  evolve: (current, event) => {
    if (current) return current;
    const { orderId, total, placedAt } = event.data as { orderId: string; total: UserOrderEntry['total']; placedAt: string };
    return { orderId, total: { amount: total.amount, currency: total.currency }, placedAt };
  },
  fieldsOf: ({ orderId, total, placedAt }) => ({ [`orders.${orderId}`]: { total, placedAt } }),
};
