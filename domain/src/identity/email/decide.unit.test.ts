import { emailDecider, emailStreamId, emailStreamIdFromHash } from '.';
import type { ClaimEmail, EmailReservationEvent } from '.';
import { specificationFor } from '../../shared/testing';

const given = specificationFor(emailDecider);
const claimEmail = (userId = 'u-1', email = 'ada@example.com'): ClaimEmail => ({ type: 'ClaimEmail', data: { email, userId } });
const emailClaimed = (userId = 'u-1', email = 'ada@example.com'): EmailReservationEvent => ({
  type: 'EmailClaimed',
  data: { email, userId },
});
const hashHex = 'ab'.repeat(32);

describe('ClaimEmail', () => {
  it('claims a free address', () => {
    given().when(claimEmail()).then([emailClaimed()]);
  });

  it('records nothing when the same user claims again', () => {
    given(emailClaimed()).when(claimEmail()).thenNothingHappens();
  });

  it('refuses an address another user holds', () => {
    given(emailClaimed('u-1'))
      .when(claimEmail('u-2'))
      .thenThrows({ code: 'conflict', field: 'email', message: 'email already registered' });
  });

  it('keeps the first claim', () => {
    const state = [emailClaimed('u-1'), emailClaimed('u-2')].reduce(emailDecider.evolve, emailDecider.initialState());
    expect(state).toEqual({ status: 'claimed', email: 'ada@example.com', userId: 'u-1' });
  });

  it('refuses an address that is not normalized, and a bad user id', () => {
    given().when(claimEmail('u-1', 'Ada@example.com')).thenThrows({ code: 'validation', field: 'email' });
    given().when(claimEmail('u-1', 'not-an-address')).thenThrows({ code: 'validation', field: 'email' });
    given().when(claimEmail('')).thenThrows({ code: 'validation', field: 'userId' });
  });
});

describe('email stream ids', () => {
  it('names the stream after the hash of the normalized address, never the address', () => {
    const hashed: string[] = [];
    const streamId = emailStreamId('ada@example.com', (text) => {
      hashed.push(text);
      return hashHex;
    });
    expect(streamId).toBe(`user-email-${hashHex}`);
    expect(hashed).toEqual(['ada@example.com']);
    expect(emailStreamIdFromHash(hashHex)).toBe(streamId);
  });

  it('refuses an address that is not normalized, and anything but a lower-case SHA-256 hex', () => {
    expect(() => emailStreamId('Ada@example.com', () => hashHex)).toThrow(expect.objectContaining({ code: 'validation', field: 'email' }));
    for (const bad of ['ab'.repeat(31), 'AB'.repeat(32), 'ada@example.com', `${hashHex}0`]) {
      expect(() => emailStreamIdFromHash(bad)).toThrow(expect.objectContaining({ code: 'validation', field: 'email' }));
    }
  });
});
