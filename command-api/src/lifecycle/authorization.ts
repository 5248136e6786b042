import { AppError, NotFoundError } from '@ecommerce/platform';
import type { Principal } from '@ecommerce/platform';
import type { OrderState } from '@ecommerce/domain';

/** Shipments and refunds are operations: admins only (a customer gets 403, never a look at the entity). */
export const requireAdmin = (principal: Principal): void => {
  if (principal.role !== 'admin') throw new AppError('forbidden', 'requires role admin');
};

/** Another customer's order is answered exactly like a missing one, so its existence is not revealed; admins act on their own orders only. */
export const ownOrderOnly = (principal: Principal, orderId: string) => (state: OrderState): void => {
  if (state.status === 'absent' || state.customerId !== principal.sub) throw new NotFoundError(`no order ${orderId}`, { orderId });
};
