import type { DomainCommand } from '../../shared';

export type ClaimSku = DomainCommand<'ClaimSku', { sku: string; productId: string }>;

export type SkuReservationCommand = ClaimSku;
