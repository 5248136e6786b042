import { ValidationError } from '@ecommerce/platform';
import type { ReadCollection } from '@ecommerce/platform';
import type { ListOrdersQuery, OrderDocument, OrderView } from '@ecommerce/schemas';

interface Cursor {
  placedAt: string;
  id: string;
}

export const encodeOrderCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor.placedAt === 'string' && typeof cursor.id === 'string') return cursor;
  } catch {
    // reported below
  }
  throw new ValidationError('cursor is malformed', [{ field: 'query.cursor', message: 'malformed cursor' }]);
}

/** One customer's orders, newest first, by keyset pagination on (placedAt, _id): stable while new orders arrive. */
export async function findOrderPage(orders: ReadCollection<OrderDocument>, customerId: string, query: ListOrdersQuery): Promise<{ items: OrderDocument[]; nextCursor: string | null }> {
  const clauses: Array<Record<string, unknown>> = [{ customerId }];
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    clauses.push({ $or: [{ placedAt: { $lt: cursor.placedAt } }, { placedAt: cursor.placedAt, _id: { $lt: cursor.id } }] });
  }
  const found = await orders.find({ $and: clauses }, { sort: { placedAt: -1, _id: -1 }, limit: query.limit + 1 });
  const items = found.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = found.length > query.limit && last ? encodeOrderCursor({ placedAt: last.placedAt, id: last._id }) : null;
  return { items, nextCursor };
}

/** Field by field, so nothing the document might gain later reaches a response by accident. */
export function toOrderView(doc: OrderDocument): OrderView {
  return {
    id: doc._id, customerId: doc.customerId, status: doc.status, lines: doc.lines, total: doc.total, timeline: doc.timeline,
    paymentDeadline: doc.paymentDeadline, placedAt: doc.placedAt, updatedAt: doc.updatedAt, revision: doc.revision,
  };
}
