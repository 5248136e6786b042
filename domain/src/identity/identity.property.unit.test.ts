import fc from 'fast-check';
import { credentialsDecider, emailDecider, userDecider } from '..';
import type { CredentialsCommand, EmailReservationCommand, UserCommand } from '..';
import { checkDeciderProperties } from '../shared/properties';
import { internalIdentityEventTypes as unpublished } from './internal-events';

const userId = 'u-1';
const role = fc.constantFrom('customer', 'admin', 'superuser');
const name = fc.constantFrom('Ada', 'Ada Lovelace', '', '  ', 'x'.repeat(201));

const accountCommand: fc.Arbitrary<UserCommand> = fc.oneof(
  fc.record({ name, role }).map(({ name, role }) => ({ type: 'RegisterUser', data: { userId, email: 'ada@example.com', name, role } }) as UserCommand),
  name.map((name): UserCommand => ({ type: 'UpdateProfile', data: { userId, name } })),
  fc.constant<UserCommand>({ type: 'ChangePassword', data: { userId } }),
  fc.option(fc.constantFrom('fraud', ''), { nil: null }).map((reason): UserCommand => ({ type: 'DisableUser', data: { userId, reason } })),
  fc.constant<UserCommand>({ type: 'EnableUser', data: { userId } }),
  role.map((role) => ({ type: 'ChangeRole', data: { userId, role } }) as UserCommand),
);

describe('an account under any sequence of commands', () => {
  it('keeps its id, email and a known role; every change that must end sessions moves the credentials version up, and nothing else does', () => {
    checkDeciderProperties({
      decider: userDecider,
      command: accountCommand,
      invariant: (user) => {
        if (user.status === 'absent') return;
        expect(['customer', 'admin']).toContain(user.role);
        expect(user.credentialsVersion).toBeGreaterThanOrEqual(1);
      },
      step: ({ before, events, after }) => {
        if (before.status === 'absent' || after.status === 'absent') return;
        expect([after.userId, after.email]).toEqual([before.userId, before.email]);
        const endsSessions = events.filter((event) => event.type === 'UserPasswordChanged' || event.type === 'UserDisabled' || event.type === 'UserRoleChanged').length;
        expect(after.credentialsVersion).toBe(before.credentialsVersion + endsSessions);
        // Self-service needs an account that may log in.
        if (before.status === 'disabled') expect(events.map((event) => event.type)).not.toContain('UserProfileUpdated');
      },
      // A password change is always recorded (it ends the other sessions), so it is no retry.
      isRetried: (command) => command.type !== 'ChangePassword',
    });
  });
});

const emailCommand: fc.Arbitrary<EmailReservationCommand> = fc
  .record({ email: fc.constantFrom('ada@example.com', 'Ada@Example.com', ''), userId: fc.constantFrom('u-1', 'u-2', '') })
  .map(({ email, userId }) => ({ type: 'ClaimEmail', data: { email, userId } }));

describe('an email reservation under any sequence of claims', () => {
  it('belongs to its first valid claimant for ever', () => {
    checkDeciderProperties({
      decider: emailDecider,
      command: emailCommand,
      unpublished,
      invariant: () => undefined,
      step: ({ before, after }) => {
        if (before.status === 'claimed') expect(after).toEqual(before);
      },
      isRetried: () => true,
    });
  });
});

const credentialsCommand: fc.Arbitrary<CredentialsCommand> = fc
  .record({ userId: fc.constantFrom('u-1', 'u-1', 'u-2'), passwordHash: fc.constantFrom('$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', '$argon2id$v=19$m=19456,t=2,p=1$b3RoZXI$aGFzaDI', 'plain-password', '') })
  .map(({ userId, passwordHash }) => ({ type: 'SetPassword', data: { userId, passwordHash } }));

describe('credentials under any sequence of password changes', () => {
  it('hold a PHC-format hash of one user only', () => {
    checkDeciderProperties({
      decider: credentialsDecider,
      command: credentialsCommand,
      unpublished,
      invariant: (credentials) => {
        if (credentials.status === 'absent') return;
        expect(credentials.passwordHash).toMatch(/^\$[a-z0-9-]+\$\S+$/);
      },
      step: ({ before, after }) => {
        if (before.status === 'set' && after.status === 'set') expect(after.userId).toBe(before.userId);
      },
      isRetried: () => true,
    });
  });
});
