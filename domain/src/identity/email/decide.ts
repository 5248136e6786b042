import { DomainError } from '../../shared';
import { assertNormalizedEmail } from '../../identity/email';
import { assertUserId } from '../rules';
import type { ClaimEmail, EmailReservationCommand } from './commands';
import type { EmailReservationEvent } from './events';
import type { EmailReservationState } from './state';

export const claimEmail = ({ data }: ClaimEmail, state: EmailReservationState): EmailReservationEvent[] => {
  assertNormalizedEmail(data.email);
  assertUserId(data.userId);
  if (state.status === 'absent') return [{ type: 'EmailClaimed', data: { email: data.email, userId: data.userId } }];
  // The same user claiming again is a retried registration: already done.
  if (state.userId === data.userId) return [];
  throw DomainError.conflict('email already registered', 'email');
};

export const decideEmailReservation = (command: EmailReservationCommand, state: EmailReservationState): EmailReservationEvent[] => {
  switch (command.type) {
    case 'ClaimEmail':
      return claimEmail(command, state);
    default: {
      // A one-member union does not narrow to never, its discriminant does.
      const _exhaustive: never = command.type;
      throw DomainError.validation(`unknown command ${String(_exhaustive)}`);
    }
  }
};
