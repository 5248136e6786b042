import type { CredentialsEvent } from './events';

export type CredentialsState = { status: 'absent' } | { status: 'set'; userId: string; passwordHash: string };

export const initialCredentialsState = (): CredentialsState => ({ status: 'absent' });

export const evolveCredentials = (state: CredentialsState, event: CredentialsEvent): CredentialsState => {
  switch (event.type) {
    case 'PasswordSet':
      return { status: 'set', userId: event.data.userId, passwordHash: event.data.passwordHash };
    default:
      return state;
  }
};
