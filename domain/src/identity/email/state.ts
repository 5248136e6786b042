import type { EmailReservationEvent } from './events';

export type EmailReservationState = { status: 'absent' } | { status: 'claimed'; email: string; userId: string };

export const initialEmailReservationState = (): EmailReservationState => ({ status: 'absent' });

export const evolveEmailReservation = (state: EmailReservationState, event: EmailReservationEvent): EmailReservationState => {
  switch (event.type) {
    case 'EmailClaimed':
      // The first claim wins; decide never lets a second one through.
      return state.status === 'absent' ? { status: 'claimed', email: event.data.email, userId: event.data.userId } : state;
    default:
      return state;
  }
};
