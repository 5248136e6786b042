import { assertText, DomainError } from '../../shared';
import { assertUserId, identityLimits } from '../rules';
import type { CredentialsCommand, SetPassword } from './commands';
import type { CredentialsEvent } from './events';
import type { CredentialsState } from './state';

// PHC string format (`$<algorithm>$...`): anything else is most likely a plain password passed by mistake.
const phcString = /^\$[a-z0-9-]+\$\S+$/;

const assertPasswordHash = (passwordHash: string): void => {
  assertText(passwordHash, 'passwordHash', { min: 1, max: identityLimits.passwordHashMax });
  if (!phcString.test(passwordHash)) throw DomainError.validation('passwordHash must be a PHC string such as $argon2id$...', 'passwordHash');
};

export const setPassword = ({ data }: SetPassword, state: CredentialsState): CredentialsEvent[] => {
  assertUserId(data.userId);
  assertPasswordHash(data.passwordHash);
  if (state.status === 'set') {
    // One stream per user: another user id here is a wiring mistake, never a change to record.
    if (state.userId !== data.userId) throw DomainError.conflict('credentials belong to another user', 'userId');
    // Salted hashes never repeat, so the same hash again is a retry.
    if (state.passwordHash === data.passwordHash) return [];
  }
  return [{ type: 'PasswordSet', data: { userId: data.userId, passwordHash: data.passwordHash } }];
};

export const decideCredentials = (command: CredentialsCommand, state: CredentialsState): CredentialsEvent[] => {
  switch (command.type) {
    case 'SetPassword':
      return setPassword(command, state);
    default: {
      // A one-member union does not narrow to never, its discriminant does.
      const _exhaustive: never = command.type;
      throw DomainError.validation(`unknown command ${String(_exhaustive)}`);
    }
  }
};
