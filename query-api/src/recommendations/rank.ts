import type { CoPurchasePairDocument } from '@ecommerce/schemas';

export interface Partner {
  productId: string;
  count: number;
}

/** The products bought with one, most completed orders in common first, then by id (pure). */
export function rankPartners(pairs: readonly Pick<CoPurchasePairDocument, 'otherProductId' | 'orders'>[]): Partner[] {
  return pairs
    .map((pair) => ({ productId: pair.otherProductId, count: Object.keys(pair.orders ?? {}).length }))
    .filter((partner) => partner.count > 0)
    .sort((a, b) => b.count - a.count || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}
