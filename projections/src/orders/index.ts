/** The orders read model: documents with their status timeline. */
export { ordersProjection } from './projection';
export { evolveOrderFields, orderEventTypes } from './document';
export type { OrderDocument, OrderFields, OrderTimelineEntry } from './document';
export { applyByDocument, withoutStoreFields } from './apply-by-document';
export type { ProjectedEvent, SingleStreamModel } from './apply-by-document';
