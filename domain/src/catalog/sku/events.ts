import type { DomainEvent } from '../../shared';

/** Events of a SKU reservation stream, `sku-<sku>`: it makes SKUs unique across products. */
export type SkuReservationEvent = DomainEvent<'SkuClaimed'>;

export const skuStreamId = (sku: string): string => `sku-${sku}`;
