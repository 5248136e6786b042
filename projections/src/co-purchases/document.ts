import type { CoPurchaseOrderDocument, CoPurchasePairDocument, OrderPlaced } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { CoPurchaseOrderDocument, CoPurchasePairDocument } from '@ecommerce/schemas';

export type CoPurchaseOrderFields = Omit<CoPurchaseOrderDocument, '_id' | '_revisions'>;

export const coPurchaseEventTypes = ['OrderPlaced', 'OrderCompleted'] as const;

/** An order's distinct products from OrderPlaced, and when it completed (pure). */
export function evolveCoPurchaseOrder(current: CoPurchaseOrderFields | null, event: ProjectedEvent): CoPurchaseOrderFields | null {
  if (event.type === 'OrderPlaced') {
    if (current) return { ...current, revision: event.revision };
    const productIds = [...new Set((event.data as OrderPlaced).lines.map((line) => line.productId))].sort();
    return { productIds, completedAt: null, revision: event.revision };
  }
  if (!current) return null;
  return { ...current, completedAt: current.completedAt ?? event.occurredAt, revision: event.revision };
}

/** The pair document of `productId` bought with `otherProductId`. */
export const pairIdOf = (productId: string, otherProductId: string): string => `${productId}:${otherProductId}`;

/** Every ordered pair of two distinct products of an order: each unordered pair in both directions. */
export function directedPairsOf(productIds: readonly string[]): Array<[string, string]> {
  const distinct = [...new Set(productIds)];
  return distinct.flatMap((productId) => distinct.filter((other) => other !== productId).map((other): [string, string] => [productId, other]));
}

/** How many completed orders held both products of a pair document. */
export const coPurchaseCount = (pair: Pick<CoPurchasePairDocument, 'orders'>): number => Object.keys(pair.orders ?? {}).length;
