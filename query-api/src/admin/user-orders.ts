import type { ReadStore } from '@ecommerce/platform';
import { userCollections } from '@ecommerce/schemas';
import type { AdminUserView, UserOrdersDocument } from '@ecommerce/schemas';

export type UserOrdersSummary = AdminUserView['orders'];

/** Count and placed totals per currency (summed in integer minor units), currencies in alphabetical order. */
export function summarizeUserOrders(doc: UserOrdersDocument | null | undefined): UserOrdersSummary {
  const entries = Object.values(doc?.orders ?? {});
  const totals = new Map<string, number>();
  for (const { total } of entries) totals.set(total.currency, (totals.get(total.currency) ?? 0) + total.amount);
  return { count: entries.length, placedTotals: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency })) };
}

/**
 * The orders of a page of users in one read of the users projection's tallies (one `$in` by id),
 * never one query per user. `version` is the users projection's serving version: the tallies are
 * rebuilt with the users.
 */
export async function findUserOrderSummaries(readStore: ReadStore, version: number, userIds: readonly string[]): Promise<Map<string, UserOrdersSummary>> {
  if (userIds.length === 0) return new Map();
  const docs = await readStore.collection<UserOrdersDocument>(userCollections(version).orders).find({ _id: { $in: [...userIds] } });
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  return new Map(userIds.map((id) => [id, summarizeUserOrders(byId.get(id))]));
}
