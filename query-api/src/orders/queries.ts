import type { Filter, ReadCollection } from '@ecommerce/platform';
import type { ListAdminOrdersQuery, ListOrdersQuery, OrderDocument, QueryInstant } from '@ecommerce/schemas';
import { encodeKeysetCursor, findNewestFirst } from '../keyset';
import type { NewestFirstPage } from '../keyset';

export { toOrderView } from './view';

export const encodeOrderCursor = (cursor: { placedAt: string; id: string }): string => encodeKeysetCursor('placedAt', cursor.placedAt, cursor.id);

/** One customer's orders, newest first, by keyset pagination on (placedAt, _id): stable while new orders arrive. */
export function findOrderPage(orders: ReadCollection<OrderDocument>, customerId: string, query: ListOrdersQuery): Promise<NewestFirstPage<OrderDocument>> {
  return findNewestFirst(orders, 'placedAt', [{ customerId }], query);
}

const dayMs = 24 * 60 * 60 * 1000;

/** The first instant past `to`: a date names its whole UTC day, a date-time itself. */
const endOf = (to: QueryInstant): string => new Date(to.at.getTime() + (to.wholeDay ? dayMs : 1)).toISOString();

/**
 * Any customer's orders for admins, newest first, by status, customer, a `placedAt` range (both
 * ends inclusive) and a total range in one currency. `placedAt` is stored as ISO 8601 UTC with
 * milliseconds, so strings compare as instants; totals are integer minor units.
 */
export function findAdminOrderPage(orders: ReadCollection<OrderDocument>, query: ListAdminOrdersQuery): Promise<NewestFirstPage<OrderDocument>> {
  // documents a payment or shipment event created before their OrderPlaced are not orders yet
  const clauses: Filter[] = [{ status: query.status ?? { $exists: true } }];
  if (query.customerId) clauses.push({ customerId: query.customerId });
  if (query.from) clauses.push({ placedAt: { $gte: query.from.at.toISOString() } });
  if (query.to) clauses.push({ placedAt: { $lt: endOf(query.to) } });
  if (query.currency) clauses.push({ 'total.currency': query.currency });
  if (query.minTotal !== undefined) clauses.push({ 'total.amount': { $gte: query.minTotal } });
  if (query.maxTotal !== undefined) clauses.push({ 'total.amount': { $lte: query.maxTotal } });
  return findNewestFirst(orders, 'placedAt', clauses, query);
}
