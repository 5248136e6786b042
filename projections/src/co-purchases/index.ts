/** The co-purchases read model: for each pair of products, the completed orders that held both. */
export { coPurchasesProjection } from './projection';
export { coPurchaseCount, directedPairsOf, evolveCoPurchaseOrder, pairIdOf } from './document';
export type { CoPurchaseOrderDocument, CoPurchasePairDocument } from './document';
