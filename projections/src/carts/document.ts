import { cartDecider } from '@ecommerce/domain';
import type { CartEvent } from '@ecommerce/domain';
import { asDeciderEvent } from '@ecommerce/platform';
import type { CartDocument } from '@ecommerce/schemas';
import type { ProjectedEvent } from '../apply-by-document';

export type { CartDocument } from '@ecommerce/schemas';

export type CartFields = Omit<CartDocument, '_id' | '_revisions'>;

export const cartEventTypes = ['CartItemAdded', 'CartItemQuantityChanged', 'CartItemRemoved', 'CartCleared', 'CartCheckedOut'] as const;

/** The cart after a cart event (pure): the lines follow the domain's own evolve, so the two never disagree. */
export function evolveCartFields(current: CartFields | null, event: ProjectedEvent): CartFields {
  const state = cartDecider.evolve({ lines: current?.items ?? [], lastOrderId: current?.lastOrderId ?? null }, asDeciderEvent<CartEvent>(event));
  return { items: state.lines.map(({ productId, quantity }) => ({ productId, quantity })), lastOrderId: state.lastOrderId, revision: event.revision, updatedAt: event.occurredAt };
}
