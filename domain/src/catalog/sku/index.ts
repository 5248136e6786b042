import type { Decider } from '../../shared';
import type { SkuReservationCommand } from './commands';
import { decideSkuReservation } from './decide';
import type { SkuReservationEvent } from './events';
import type { SkuReservationState } from './state';
import { evolveSkuReservation, initialSkuReservationState } from './state';

export type { ClaimSku, SkuReservationCommand } from './commands';
export type { SkuReservationEvent } from './events';
export { skuStreamId } from './events';
export type { SkuReservationState } from './state';

/** Keeps SKUs unique: one stream per SKU, claimed by exactly one product. */
export const skuDecider: Decider<SkuReservationCommand, SkuReservationEvent, SkuReservationState> = {
  initialState: initialSkuReservationState,
  evolve: evolveSkuReservation,
  decide: decideSkuReservation,
};
