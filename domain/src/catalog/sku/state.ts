import type { SkuReservationEvent } from './events';

export type SkuReservationState = { status: 'absent' } | { status: 'claimed'; sku: string; productId: string };

export const initialSkuReservationState = (): SkuReservationState => ({ status: 'absent' });

export const evolveSkuReservation = (state: SkuReservationState, event: SkuReservationEvent): SkuReservationState => {
  switch (event.type) {
    case 'SkuClaimed':
      // The first claim wins; decide never lets a second one through.
      return state.status === 'absent' ? { status: 'claimed', ...event.data } : state;
    default:
      return state;
  }
};
