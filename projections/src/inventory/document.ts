import type { InventoryDocument, StockAdjusted, StockCommitted, StockReleased, StockReserved, StockRestocked, StockReturned } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { InventoryDocument } from '@ecommerce/schemas';

export type InventoryFields = Omit<InventoryDocument, '_id' | '_revisions'>;

/** A refusal counts nothing but moves the revision, so a read waiting for it is answered. */
export const inventoryEventTypes = ['StockRestocked', 'StockAdjusted', 'StockReserved', 'StockReservationRejected', 'StockReleased', 'StockCommitted', 'StockReturned'] as const;

/**
 * Stock totals of a SKU after an inventory event (pure); the per-order reservations stay in the actor's state.
 * onHand = received + adjusted − sold + returned (adjustments are signed), available = onHand − reserved.
 */
export function evolveInventoryFields(current: InventoryFields | null, event: ProjectedEvent): InventoryFields {
  const sku = (event.data as { sku: string }).sku;
  let { received, adjusted, reserved, sold } = current ?? { received: 0, adjusted: 0, reserved: 0, sold: 0 };
  // documents projected before returns existed have no count: none came back then
  let returned = current?.returned ?? 0;
  switch (event.type) {
    case 'StockRestocked':
      received += (event.data as StockRestocked).quantity;
      break;
    case 'StockAdjusted':
      adjusted += (event.data as StockAdjusted).delta;
      break;
    case 'StockReserved':
      reserved += (event.data as StockReserved).quantity;
      break;
    case 'StockReleased':
      reserved -= (event.data as StockReleased).quantity;
      break;
    case 'StockCommitted':
      reserved -= (event.data as StockCommitted).quantity;
      sold += (event.data as StockCommitted).quantity;
      break;
    case 'StockReturned':
      returned += (event.data as StockReturned).quantity;
      break;
    default:
      break;
  }
  const onHand = received + adjusted - sold + returned;
  return { sku, received, adjusted, onHand, reserved, available: onHand - reserved, sold, returned, revision: event.revision, updatedAt: event.occurredAt };
}
