import type { Decider } from '../../shared';
import type { CredentialsCommand } from './commands';
import { decideCredentials } from './decide';
import type { CredentialsEvent } from './events';
import type { CredentialsState } from './state';
import { evolveCredentials, initialCredentialsState } from './state';

export type { CredentialsCommand, SetPassword } from './commands';
export type { CredentialsEvent, PasswordSet } from './events';
export { credentialsStreamId } from './events';
export type { CredentialsState } from './state';

/** A user's password hash, on `credentials-<userId>`; the latest PasswordSet is the one login checks. */
export const credentialsDecider: Decider<CredentialsCommand, CredentialsEvent, CredentialsState> = {
  initialState: initialCredentialsState,
  evolve: evolveCredentials,
  decide: decideCredentials,
};
