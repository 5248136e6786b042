import type { ReadStore } from '@ecommerce/platform';
import { userCollections } from '@ecommerce/schemas';
import type { AdminUserView, UserOrderDocument } from '@ecommerce/schemas';

export type UserOrdersSummary = AdminUserView['orders'];

/** Count and placed totals per currency (summed in integer minor units), currencies in alphabetical order. */
export function summarizeUserOrders(entries: readonly Pick<UserOrderDocument, 'total'>[] = []): UserOrdersSummary {
  const totals = new Map<string, number>();
  for (const { total } of entries) totals.set(total.currency, (totals.get(total.currency) ?? 0) + total.amount);
  return { count: entries.length, placedTotals: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency })) };
}

/**
 * The orders of a page of users in one read of the users projection's orders (one `$in` by
 * customer, indexed), never one query per user. `version` is the users projection's serving version: the tallies are
 * rebuilt with the users.
 */
export async function findUserOrderSummaries(readStore: ReadStore, version: number, userIds: readonly string[]): Promise<Map<string, UserOrdersSummary>> {
  if (userIds.length === 0) return new Map();
  const orders = await readStore.collection<UserOrderDocument>(userCollections(version).orders).find({ customerId: { $in: [...userIds] } });
  const byCustomer = new Map<string, UserOrderDocument[]>();
  for (const order of orders) {
    const mine = byCustomer.get(order.customerId);
    if (mine) mine.push(order);
    else byCustomer.set(order.customerId, [order]);
  }
  return new Map(userIds.map((id) => [id, summarizeUserOrders(byCustomer.get(id))]));
}
