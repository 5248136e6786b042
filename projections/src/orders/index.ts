/** The orders read model: documents with their status timeline. */
export { ordersProjection } from './projection';
export { evolveOrderFields, orderEventTypes } from './document';
export type { OrderDocument, OrderFields, OrderTimelineEntry } from './document';
