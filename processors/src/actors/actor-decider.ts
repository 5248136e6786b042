import type { Decider } from '@ecommerce/domain';
import type { ActorDecider, ActorEvent } from '../runtime/actor';

/**
 * A domain decider as the runtime hosts it. Domain events are typed payload interfaces; the
 * runtime sees them as plain `{ type, data }` records (what the event store stores), so this
 * is the one place that converts between the two views.
 */
export function toActorDecider<Command, Event extends { type: string }, State>(decider: Decider<Command, Event, State>): ActorDecider<Command, ActorEvent, State> {
  return {
    initialState: decider.initialState,
    evolve: (state, event) => decider.evolve(state, event as unknown as Event),
    decide: (command, state) => decider.decide(command, state) as unknown as ActorEvent[],
  };
}
