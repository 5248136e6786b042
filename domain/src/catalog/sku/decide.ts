import { assertId, assertSku, DomainError } from '../../shared';
import type { ClaimSku, SkuReservationCommand } from './commands';
import type { SkuReservationEvent } from './events';
import type { SkuReservationState } from './state';

export const claimSku = ({ data }: ClaimSku, state: SkuReservationState): SkuReservationEvent[] => {
  assertSku(data.sku);
  assertId(data.productId, 'productId');
  if (state.status === 'absent') return [{ type: 'SkuClaimed', data: { sku: data.sku, productId: data.productId } }];
  // The same product claiming again is a retried create: already done.
  if (state.productId === data.productId) return [];
  throw DomainError.conflict('SKU already in use', 'sku');
};

export const decideSkuReservation = (command: SkuReservationCommand, state: SkuReservationState): SkuReservationEvent[] => {
  switch (command.type) {
    case 'ClaimSku':
      return claimSku(command, state);
    default: {
      // A one-member union does not narrow to never, its discriminant does.
      const _exhaustive: never = command.type;
      throw DomainError.validation(`unknown command ${String(_exhaustive)}`);
    }
  }
};
