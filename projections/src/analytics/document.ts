import { cartDecider } from '@ecommerce/domain';
import type { CartEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { AnalyticsFactDocument, OrderPlaced, OrderPaid, PaymentCaptured, PaymentRefundSucceeded, ProductCategoryDocument, ProductCreated, ProductDetailsUpdated } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { AnalyticsFactDocument, ProductCategoryDocument } from '@ecommerce/schemas';

/** A fact without the store's fields. */
export type AnalyticsFact = DistributiveOmit<AnalyticsFactDocument, '_id' | '_revisions'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type FactOf<Kind extends AnalyticsFact['kind']> = Extract<AnalyticsFact, { kind: Kind }>;

export const orderFactEventTypes = ['OrderPlaced', 'OrderPaid'] as const;
export const paymentFactEventTypes = ['PaymentCaptured', 'PaymentRefundSucceeded'] as const;
export const cartFactEventTypes = ['CartItemAdded', 'CartItemQuantityChanged', 'CartItemRemoved', 'CartCleared', 'CartCheckedOut'] as const;
export const factEventTypes: readonly string[] = [...orderFactEventTypes, ...paymentFactEventTypes, ...cartFactEventTypes];

/** The UTC date of an instant, `YYYY-MM-DD`: the day an event counts on. */
export const dayOf = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

const withDays = <Fact extends AnalyticsFact>(fact: Fact, days: ReadonlyArray<string | null>): Fact => {
  const known = days.filter((day): day is string => day !== null).sort();
  return { ...fact, firstDay: known[0] ?? fact.firstDay, lastDay: known.at(-1) ?? fact.lastDay };
};

function evolveOrderFact(current: FactOf<'order'> | null, event: ProjectedEvent): FactOf<'order'> | null {
  const day = dayOf(event.occurredAt);
  if (event.type === 'OrderPlaced') {
    if (current) return { ...current, revision: event.revision };
    const { lines, total } = event.data as OrderPlaced;
    return {
      kind: 'order', placedDay: day, total: { ...total }, paidDay: null, paidAmount: null, firstDay: day, lastDay: day, revision: event.revision,
      // the decider bounds quantities and amounts, so each product stays a safe integer
      lines: lines.map(({ productId, quantity, unitPrice }) => ({ productId, quantity, amount: { amount: quantity * unitPrice.amount, currency: unitPrice.currency } })),
    };
  }
  if (!current) return null;
  // an order is paid once; a later payment of it is refunded, never counted as a second sale
  if (current.paidDay !== null) return { ...current, revision: event.revision };
  const { amount } = event.data as OrderPaid;
  return withDays({ ...current, paidDay: day, paidAmount: { ...amount }, revision: event.revision }, [current.placedDay, day]);
}

function evolvePaymentFact(current: FactOf<'payment'> | null, event: ProjectedEvent): FactOf<'payment'> {
  const day = dayOf(event.occurredAt);
  const fact: FactOf<'payment'> = current ?? { kind: 'payment', capture: null, refunds: [], firstDay: day, lastDay: day, revision: event.revision };
  let next: FactOf<'payment'> = { ...fact, revision: event.revision };
  if (event.type === 'PaymentCaptured') {
    const { amount } = event.data as PaymentCaptured;
    if (!fact.capture) next = { ...next, capture: { day, amount: { ...amount } } };
  } else {
    const { refundId, amount } = event.data as PaymentRefundSucceeded;
    if (!fact.refunds.some((refund) => refund.refundId === refundId)) next = { ...next, refunds: [...fact.refunds, { refundId, day, amount: { ...amount } }] };
  }
  return withDays(next, [fact.firstDay, fact.lastDay, next.capture?.day ?? null, ...next.refunds.map((refund) => refund.day)]);
}

/**
 * A cart session starts when an empty cart gets its first item and ends at checkout (converted)
 * or when it is emptied (abandoned). The products it holds follow the domain's own evolve.
 */
function evolveCartFact(current: FactOf<'cart'> | null, event: ProjectedEvent): FactOf<'cart'> {
  const day = dayOf(event.occurredAt);
  const fact: FactOf<'cart'> = current ?? { kind: 'cart', productIds: [], sessions: [], firstDay: day, lastDay: day, revision: event.revision };
  const state = cartDecider.evolve({ lines: fact.productIds.map((productId) => ({ productId, quantity: 1 })), lastOrderId: null }, asDeciderEvent<CartEvent>(event));
  const productIds = state.lines.map((line) => line.productId);
  let sessions = fact.sessions;
  if (fact.productIds.length === 0 && productIds.length > 0) sessions = [...sessions, { startedDay: day, checkedOutDay: null }];
  const open = sessions.at(-1);
  if (event.type === 'CartCheckedOut' && fact.productIds.length > 0 && open && open.checkedOutDay === null) sessions = [...sessions.slice(0, -1), { ...open, checkedOutDay: day }];
  const touched = sessions === fact.sessions ? [] : [day];
  return withDays({ ...fact, productIds, sessions, revision: event.revision }, [fact.firstDay, fact.lastDay, ...touched]);
}

/** The fact after an event of its stream (pure); null for an order event before its OrderPlaced. */
export function evolveAnalyticsFact(current: AnalyticsFact | null, event: ProjectedEvent): AnalyticsFact | null {
  if ((orderFactEventTypes as readonly string[]).includes(event.type)) return evolveOrderFact(current?.kind === 'order' ? current : null, event);
  if ((paymentFactEventTypes as readonly string[]).includes(event.type)) return evolvePaymentFact(current?.kind === 'payment' ? current : null, event);
  if ((cartFactEventTypes as readonly string[]).includes(event.type)) return evolveCartFact(current?.kind === 'cart' ? current : null, event);
  return current;
}

export type ProductCategoryFields = Omit<ProductCategoryDocument, '_id' | '_revisions'>;
export const categoryEventTypes = ['ProductCreated', 'ProductDetailsUpdated'] as const;

/** A product's category: set when it is created, changed when its details name a new one. */
export function evolveProductCategory(current: ProductCategoryFields | null, event: ProjectedEvent): ProductCategoryFields | null {
  if (event.type === 'ProductCreated') return current ?? { category: (event.data as ProductCreated).category, revision: event.revision };
  if (!current) return null;
  const { category } = event.data as ProductDetailsUpdated;
  return { category: category ?? current.category, revision: event.revision };
}
