import type { StockReleaseReason } from '@ecommerce/schemas';
import type { DomainCommand } from '../shared';

/** Goods received: `quantity` is a positive whole number; `reference` is e.g. a delivery note. */
export type Restock = DomainCommand<'Restock', { sku: string; quantity: number; reference?: string | null }>;

/** A manual correction: negative for shrinkage or damage, positive for found stock. */
export type AdjustStock = DomainCommand<'AdjustStock', { sku: string; delta: number; reason: string }>;

/**
 * One order line asks for `quantity` units, all or nothing. Always answered by an event
 * (StockReserved or StockReservationRejected) unless the order was already answered.
 * `expiresAt` (ISO 8601) comes from the router: when the hold may be released if never settled.
 */
export type ReserveStock = DomainCommand<'ReserveStock', { sku: string; orderId: string; quantity: number; expiresAt: string }>;

/** Gives an order's reservation back to available stock. */
export type ReleaseStock = DomainCommand<'ReleaseStock', { sku: string; orderId: string; reason: StockReleaseReason }>;

/** An order's reservation becomes sold. */
export type CommitStock = DomainCommand<'CommitStock', { sku: string; orderId: string }>;

/**
 * Units an order bought came back fit to sell (the restocked part of a return). A reservation
 * still held is sold first (the goods left with the parcel), then the units are back on hand.
 */
export type ReturnStock = DomainCommand<'ReturnStock', { sku: string; orderId: string; quantity: number }>;

/** An admin's low-stock level for the SKU: a non-negative whole number, or null for the default setting. */
export type SetLowStockThreshold = DomainCommand<'SetLowStockThreshold', { sku: string; threshold: number | null }>;

export type InventoryCommand = Restock | AdjustStock | ReserveStock | ReleaseStock | CommitStock | ReturnStock | SetLowStockThreshold;
