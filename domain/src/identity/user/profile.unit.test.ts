import fc from 'fast-check';
import { avroSchemaOf } from '@ecommerce/schemas';
import { DomainError, foldEvents } from '../../shared';
import { specificationFor } from '../../shared/testing';
import { identityLimits } from '../rules';
import { userDecider } from '.';
import type { UserCommand, UserEvent, UserState } from '.';
import { createTestUserDisabled, createTestUserRegistered as registered, testUserId as userId } from './testing';

const given = specificationFor(userDecider);
const address = (overrides: Record<string, unknown> = {}) => ({
  recipient: 'Ada Lovelace',
  line1: '12 Rue de Rivoli',
  line2: null,
  city: 'Paris',
  region: null,
  postalCode: '75001',
  country: 'FR',
  ...overrides,
});
const add = (addressId = 'a-1', overrides: Record<string, unknown> = {}): UserCommand => ({ type: 'AddAddress', data: { userId, addressId, address: address(overrides) } });
const added = (addressId = 'a-1', overrides: Record<string, unknown> = {}): UserEvent => ({ type: 'UserAddressAdded', data: { userId, addressId, address: address(overrides) } });
const update = (addressId = 'a-1', overrides: Record<string, unknown> = {}): UserCommand => ({ type: 'UpdateAddress', data: { userId, addressId, address: address(overrides) } });
const remove = (addressId = 'a-1'): UserCommand => ({ type: 'RemoveAddress', data: { userId, addressId } });
const preferences = (data: { email: boolean; sms: boolean; inApp?: boolean; phoneNumber: string | null }): UserCommand => ({ type: 'SetNotificationPreferences', data: { userId, ...data } });

describe('saved addresses', () => {
  it('adds, updates and removes an address', () => {
    given(registered()).when(add()).then([added()]);
    given(registered(), added()).when(update('a-1', { city: 'Lyon', postalCode: '69001' })).then([
      { type: 'UserAddressUpdated', data: { userId, addressId: 'a-1', address: address({ city: 'Lyon', postalCode: '69001' }) } },
    ]);
    given(registered(), added()).when(remove()).then([{ type: 'UserAddressRemoved', data: { userId, addressId: 'a-1' } }]);
    const state = foldEvents(userDecider, [registered(), added('a-1'), added('a-2', { city: 'Lyon' })]);
    expect(state.status !== 'absent' && state.addresses.map((saved) => [saved.addressId, saved.address.city])).toEqual([['a-1', 'Paris'], ['a-2', 'Lyon']]);
  });

  it('records nothing for a retry, an unchanged update or removing what is not there', () => {
    given(registered(), added()).when(add()).thenNothingHappens();
    given(registered(), added()).when(update()).thenNothingHappens();
    given(registered()).when(remove()).thenNothingHappens();
  });

  it('refuses another address under a saved id, an unknown id, and more than the limit', () => {
    given(registered(), added()).when(add('a-1', { city: 'Lyon' })).thenThrows({ code: 'conflict', field: 'addressId' });
    given(registered()).when(update('a-9')).thenThrows({ code: 'not_found', field: 'addressId' });
    const full = Array.from({ length: identityLimits.addressesMax }, (_, index) => added(`a-${index}`));
    given(registered(), ...full).when(add('a-new')).thenThrows({ code: 'conflict', field: 'addressId', message: /at most 10/ });
  });

  it('refuses a disabled user', () => {
    given(registered(), createTestUserDisabled()).when(add()).thenThrows({ code: 'conflict', message: 'user is disabled' });
  });

  it.each([
    [{ country: 'France' }, 'address.country'],
    [{ postalCode: '7' }, 'address.postalCode'],
    [{ line1: '' }, 'address.line1'],
    [{ city: 'c'.repeat(101) }, 'address.city'],
  ])('refuses an invalid address %j', (overrides, field) => {
    given(registered()).when(add('a-1', overrides)).thenThrows({ code: 'validation', field });
  });
});

describe('notification preferences', () => {
  const changed = (email: boolean, sms: boolean, phoneNumber: string | null): UserEvent => ({ type: 'UserNotificationPreferencesChanged', data: { userId, email, sms, phoneNumber } });

  it('starts with email and the inbox, and records changes', () => {
    expect(foldEvents(userDecider, [registered()])).toMatchObject({ notificationPreferences: { email: true, sms: false, phoneNumber: null } });
    given(registered()).when(preferences({ email: false, sms: true, phoneNumber: '+33612345678' })).then([changed(false, true, '+33612345678')]);
    given(registered()).when(preferences({ email: true, sms: false, inApp: true, phoneNumber: null })).thenNothingHappens();
  });

  it('refuses switching the inbox off, SMS without a phone number, and a malformed number', () => {
    given(registered()).when(preferences({ email: true, sms: false, inApp: false, phoneNumber: null })).thenThrows({ code: 'validation', field: 'inApp' });
    given(registered()).when(preferences({ email: true, sms: true, phoneNumber: null })).thenThrows({ code: 'validation', field: 'phoneNumber' });
    given(registered()).when(preferences({ email: true, sms: true, phoneNumber: '0612345678' })).thenThrows({ code: 'validation', field: 'phoneNumber' });
  });
});

describe('a profile under any sequence of address commands', () => {
  const id = fc.constantFrom('a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7', 'a-8', 'a-9', 'a-10', 'a-11', 'a-12');
  const city = fc.constantFrom('Paris', 'Lyon', '');
  const command: fc.Arbitrary<UserCommand> = fc.oneof(
    fc.record({ id, city }).map(({ id, city }) => add(id, { city })),
    fc.record({ id, city }).map(({ id, city }) => update(id, { city })),
    id.map((addressId) => remove(addressId)),
    fc.record({ email: fc.boolean(), sms: fc.boolean(), phone: fc.constantFrom(null, '+33612345678', 'x') }).map(({ email, sms, phone }) => preferences({ email, sms, phoneNumber: phone })),
  );

  it('keeps at most 10 addresses with unique ids, SMS only with a number, and every event encodes', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state: UserState = foldEvents(userDecider, [registered()]);
        for (const current of commands) {
          let events: UserEvent[];
          try {
            events = userDecider.decide(current, state);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          for (const event of events) expect(avroSchemaOf(event.type).type.isValid(event.data)).toBe(true);
          state = events.reduce(userDecider.evolve, state);
          if (state.status === 'absent') throw new Error('the user vanished');
          const ids = state.addresses.map((saved) => saved.addressId);
          expect(ids.length).toBeLessThanOrEqual(identityLimits.addressesMax);
          expect(new Set(ids).size).toBe(ids.length);
          if (state.notificationPreferences.sms) expect(state.notificationPreferences.phoneNumber).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
