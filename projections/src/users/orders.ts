import type { UserOrderDocument } from '@ecommerce/schemas';
import type { SingleStreamModel } from '../apply-by-document';
import { withoutStoreFields } from '../apply-by-document';

export type { UserOrderDocument } from '@ecommerce/schemas';

type UserOrderFields = Omit<UserOrderDocument, '_id' | '_revisions'>;

/** Each order placed, for its customer's tally. Only OrderPlaced matters: it alone names the customer, and what it says never changes. */
export const userOrdersModel: SingleStreamModel<UserOrderDocument, UserOrderFields> = {
  handles: new Set(['OrderPlaced']),
  idOf: (event) => (event.data as { orderId: string }).orderId,
  fieldsOf: (doc) => withoutStoreFields(doc) as UserOrderFields,
  evolve: (current, event) => {
    if (current) return current;
    const { customerId, total, placedAt } = event.data as Pick<UserOrderDocument, 'customerId' | 'total' | 'placedAt'>;
    return { customerId, total: { amount: total.amount, currency: total.currency }, placedAt, revision: event.revision };
  },
};
