import type { Decider } from '../../shared';
import type { EmailReservationCommand } from './commands';
import { decideEmailReservation } from './decide';
import type { EmailReservationEvent } from './events';
import type { EmailReservationState } from './state';
import { evolveEmailReservation, initialEmailReservationState } from './state';

export type { ClaimEmail, EmailReservationCommand } from './commands';
export type { EmailClaimed, EmailReservationEvent } from './events';
export { emailStreamId, emailStreamIdFromHash } from './events';
export type { EmailReservationState } from './state';

/** Keeps addresses unique: one stream per normalized address, claimed by exactly one user. */
export const emailDecider: Decider<EmailReservationCommand, EmailReservationEvent, EmailReservationState> = {
  initialState: initialEmailReservationState,
  evolve: evolveEmailReservation,
  decide: decideEmailReservation,
};
