import { credentialsDecider, credentialsStreamId } from '.';
import type { CredentialsEvent, SetPassword } from '.';
import { specificationFor } from '../../shared/testing';

const given = specificationFor(credentialsDecider);
const firstHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const secondHash = '$argon2id$v=19$m=19456,t=2,p=1$b3RoZXJzYWx0$b3RoZXJoYXNo';
const setPassword = (passwordHash = firstHash, userId = 'u-1'): SetPassword => ({ type: 'SetPassword', data: { userId, passwordHash } });
const passwordSet = (passwordHash = firstHash, userId = 'u-1'): CredentialsEvent => ({ type: 'PasswordSet', data: { userId, passwordHash } });

describe('SetPassword', () => {
  it('sets the first password', () => {
    given().when(setPassword()).then([passwordSet()]);
  });

  it('replaces the password', () => {
    given(passwordSet()).when(setPassword(secondHash)).then([passwordSet(secondHash)]);
    expect(credentialsDecider.evolve(credentialsDecider.evolve(credentialsDecider.initialState(), passwordSet()), passwordSet(secondHash))).toEqual({
      status: 'set',
      userId: 'u-1',
      passwordHash: secondHash,
    });
  });

  it('records nothing for the same hash again (a retry: salted hashes never repeat)', () => {
    given(passwordSet()).when(setPassword()).thenNothingHappens();
  });

  it('refuses another user on this stream', () => {
    given(passwordSet()).when(setPassword(secondHash, 'u-2')).thenThrows({ code: 'conflict', field: 'userId' });
  });

  it.each(['', 'correct horse battery staple', '$argon2id', 'x'.repeat(1025), `$argon2id$${'x'.repeat(1020)}`])(
    'refuses %p as a hash: only PHC strings up to 1024 characters',
    (passwordHash) => {
      given().when(setPassword(passwordHash)).thenThrows({ code: 'validation', field: 'passwordHash' });
    },
  );

  it('refuses a bad user id', () => {
    given().when(setPassword(firstHash, '')).thenThrows({ code: 'validation', field: 'userId' });
  });

  it('names the stream after the user', () => {
    expect(credentialsStreamId('u-1')).toBe('credentials-u-1');
  });
});
