import { eventContexts, isEventType } from '@ecommerce/schemas';
import { internalIdentityEventTypes, userEventTypes } from '.';
import type { CredentialsEvent, EmailReservationEvent, InternalIdentityEventType, SessionEvent, UserEventType } from '.';

// Both directions at compile time: the list names exactly the internal events' types.
type DecidedInternal = EmailReservationEvent['type'] | CredentialsEvent['type'] | SessionEvent['type'];
const _everyDecidedTypeIsListed: InternalIdentityEventType = null as unknown as DecidedInternal;
const _everyListedTypeIsDecided: DecidedInternal = null as unknown as InternalIdentityEventType;

describe('identity events', () => {
  it.each(internalIdentityEventTypes)('%s is internal: no schema, so the mirror never publishes it', (type) => {
    expect(isEventType(type)).toBe(false);
  });

  it('publishes exactly the user stream events, in the identity context', () => {
    const identityTypes = Object.entries(eventContexts).filter(([, context]) => context === 'identity').map(([type]) => type);
    expect(identityTypes.sort()).toEqual([...userEventTypes].sort());
    const _typed: UserEventType[] = [...userEventTypes];
    expect(_typed).toHaveLength(10);
  });
});
