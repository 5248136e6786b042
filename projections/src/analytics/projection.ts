import { eventTopics } from '@ecommerce/platform';
import { analyticsCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { categoryEventTypes, evolveAnalyticsFact, evolveProductCategory, factEventTypes } from './document';
import type { AnalyticsFact, AnalyticsFactDocument, ProductCategoryDocument } from './document';

const factHandles = new Set<string>(factEventTypes);
const categoryHandles = new Set<string>(categoryEventTypes);

/**
 * Sales analytics: orders placed and paid, captured revenue and refunds per currency, carts
 * started and checked out, per UTC day and per product category.
 *
 * Why facts and not day counters: a counter is not idempotent (a redelivered event would count
 * twice), and a day document fed by every order of the day has many concurrent writers, which the
 * read store can only guard per stream, and whose `$set`s of one document the MongoDB-wire server
 * we run can lose. So each source stream (an order, a payment, a cart) keeps one fact document of
 * what it contributes to which day, written only by that stream and guarded by its revision, like
 * every other read model: redelivery changes nothing, any interleaving of streams gives the same
 * documents, and a rebuild replays the same evolve. The query sums the facts of a date range
 * (`firstDay`/`lastDay` indexed), joining line product ids with the categories kept here from the
 * catalog events (order lines carry product ids only), so a recategorized product moves its history.
 */
export const analyticsProjection: Projection = {
  name: 'analytics',
  topics: [eventTopics.catalog, eventTopics.ordering, eventTopics.payments, eventTopics.cart],
  collections: analyticsCollections,

  async setup(store, version) {
    await store.collection(analyticsCollections(version).facts).createIndex({ keys: { firstDay: 1, lastDay: 1 }, name: 'days' });
  },

  async apply(store, version, events) {
    const { facts, categories } = analyticsCollections(version);
    await Promise.all([
      applyByDocument<AnalyticsFactDocument, AnalyticsFact>(
        store.collection<AnalyticsFactDocument>(facts),
        { handles: factHandles, idOf: (event) => event.streamId, fieldsOf: (doc) => withoutStoreFields(doc) as AnalyticsFact, evolve: evolveAnalyticsFact },
        events,
      ),
      applyByDocument(
        store.collection<ProductCategoryDocument>(categories),
        { handles: categoryHandles, idOf: (event) => (event.data as { productId: string }).productId, fieldsOf: withoutStoreFields, evolve: evolveProductCategory },
        events,
      ),
    ]);
  },
};
