import type { Decider } from '@ecommerce/domain';
import { asDeciderEvent, asStoredEvent } from '@ecommerce/platform';
import type { ActorDecider, ActorEvent } from '../runtime/actor';

/**
 * A domain decider as the runtime hosts it. Domain events are typed payload interfaces; the
 * runtime sees them as plain `{ type, data }` records (what the event store stores), so the
 * decider's events go through the event store's two conversions, as every other fold does.
 */
export function toActorDecider<Command, Event extends { type: string; data: object }, State>(decider: Decider<Command, Event, State>): ActorDecider<Command, ActorEvent, State> {
  return {
    initialState: decider.initialState,
    evolve: (state, event) => decider.evolve(state, asDeciderEvent<Event>(event)),
    decide: (command, state) => decider.decide(command, state).map(asStoredEvent),
  };
}
