import type { DomainEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { InventoryDocument } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { InventoryDocument } from '@ecommerce/schemas';

export type InventoryFields = Omit<InventoryDocument, '_id' | '_revisions'>;

/** A refusal counts nothing but moves the revision, so a read waiting for it is answered. */
export const inventoryEventTypes = ['StockRestocked', 'StockAdjusted', 'StockReserved', 'StockReservationRejected', 'StockReleased', 'StockCommitted', 'StockReturned', 'LowStockThresholdSet'] as const;

/**
 * Stock totals of a SKU after an inventory event (pure); the per-order reservations stay in the actor's state.
 * onHand = received + adjusted − sold + returned (adjustments are signed), available = onHand − reserved.
 */
export function evolveInventoryFields(current: InventoryFields | null, event: ProjectedEvent): InventoryFields {
  const sku = (event.data as { sku: string }).sku;
  let { received, adjusted, reserved, sold } = current ?? { received: 0, adjusted: 0, reserved: 0, sold: 0 };
  // documents projected before returns existed have no count: none came back then
  let returned = current?.returned ?? 0;
  // absent until an admin first sets one, so documents without a threshold keep their shape
  let threshold = current?.lowStockThreshold;
  const typed = asDeciderEvent<DomainEvent>(event);
  switch (typed.type) {
    case 'StockRestocked':
      received += typed.data.quantity;
      break;
    case 'StockAdjusted':
      adjusted += typed.data.delta;
      break;
    case 'StockReserved':
      reserved += typed.data.quantity;
      break;
    case 'StockReleased':
      reserved -= typed.data.quantity;
      break;
    case 'StockCommitted':
      reserved -= typed.data.quantity;
      sold += typed.data.quantity;
      break;
    case 'StockReturned':
      returned += typed.data.quantity;
      break;
    case 'LowStockThresholdSet':
      threshold = typed.data.threshold;
      break;
    default:
      break;
  }
  const onHand = received + adjusted - sold + returned;
  const available = onHand - reserved;
  const thresholdFields = threshold === undefined ? {} : { lowStockThreshold: threshold, lowStockShortfall: threshold === null ? null : threshold - available };
  return { sku, received, adjusted, onHand, reserved, available, sold, returned, ...thresholdFields, revision: event.revision, updatedAt: event.occurredAt };
}
