/**
 * A decider (Emmett's shape): the whole behaviour of one stream as three pure
 * functions. The command handler loads events, folds them into state, asks
 * `decide`, and appends what it returns; replays are deterministic because
 * nothing here reads a clock or makes an id.
 */
export interface Decider<Command, Event, State> {
  /** A fresh state for a stream with no events; a function so no caller shares one object. */
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** The events the command causes (possibly none); throws a DomainError when it is refused. */
  decide: (command: Command, state: State) => Event[];
}

/** The state a stream's events lead to, from the decider's initial state. */
export const foldEvents = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Iterable<NoInfer<Event>>,
): State => {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
