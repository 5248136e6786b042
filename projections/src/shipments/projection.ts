import { eventTopics } from '@ecommerce/platform';
import { shipmentCollections } from '@ecommerce/schemas';
import type { Projection } from '../projection';
import { applyByDocument, withoutStoreFields } from '../apply-by-document';
import { evolveShipmentFields, shipmentEventTypes } from './document';
import type { ShipmentDocument } from './document';

const handles = new Set<string>(shipmentEventTypes);

/** Shipments for the admins' list, `_id` the shipment id; the shipment stream is its one writer. */
export const shipmentsProjection: Projection = {
  name: 'shipments',
  topics: [eventTopics.shipping],
  collections: shipmentCollections,

  async setup(store, version) {
    const shipments = store.collection(shipmentCollections(version).shipments);
    // the admins' list, newest first, keyset-paginated on (openedAt, _id), with or without a status
    await shipments.createIndex({ keys: { openedAt: -1, _id: -1 }, name: 'opened_at' });
    await shipments.createIndex({ keys: { status: 1, openedAt: -1, _id: -1 }, name: 'status_opened_at' });
    await shipments.createIndex({ keys: { orderId: 1 }, name: 'order' });
  },

  async apply(store, version, events) {
    const shipments = store.collection<ShipmentDocument>(shipmentCollections(version).shipments);
    await applyByDocument(shipments, { handles, idOf: (event) => (event.data as { shipmentId: string }).shipmentId, fieldsOf: withoutStoreFields, evolve: evolveShipmentFields }, events);
  },
};
