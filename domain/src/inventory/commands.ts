import type { DomainCommand } from '../shared';

/** Goods received: `quantity` is a positive whole number; `reference` is e.g. a delivery note. */
export type Restock = DomainCommand<'Restock', { sku: string; quantity: number; reference?: string | null }>;

/** A manual correction: negative for shrinkage or damage, positive for found stock. */
export type AdjustStock = DomainCommand<'AdjustStock', { sku: string; delta: number; reason: string }>;

export type InventoryCommand = Restock | AdjustStock;
