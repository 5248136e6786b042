import type { LogMessage } from '@ecommerce/platform';

/** What deciders decide and evolve from: the event's type and its data, as stored. */
export interface ActorEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface ActorDecider<Command, Event extends ActorEvent, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** Pure; throws domain errors (non-retriable AppErrors: the message goes to the DLQ). */
  decide: (command: Command, state: State) => Event | Event[];
}

export interface MessageContext {
  /** The inbox message's `message-id` header (or its log position): the cause of the events. */
  messageId: string;
  key: string;
}

/**
 * An actor type, as the runtime hosts it: messages from its inbox become commands to its
 * decider, whose events are appended to the actor's own stream (one stream per key).
 */
export interface ActorDefinition<Message, Command, Event extends ActorEvent, State, Type extends string = string> {
  /** Names its inbox: the processors' actors are the platform's `ActorType`s. */
  type: Type;
  keyOf: (message: Message) => string;
  streamIdOf: (key: string) => string;
  decider: ActorDecider<Command, Event, State>;
  /**
   * null: nothing to do (e.g. a stale timer). Time arrives here, never inside `decide`. May be
   * async: an actor that calls the outside world (a payment provider, a mail server) does it here,
   * only when `state` shows the call is still needed, and turns the answer into a command; a
   * retriable error thrown here is retried with backoff, then dead-lettered, like any other.
   */
  toCommand: (message: Message, state: State, now: Date, context: MessageContext) => Command | null | Promise<Command | null>;
  /**
   * Others append to this actor's streams too (the command API: a customer's cancel, an admin's
   * dispatch, a webhook's outcome): the host reads what is new before each decision instead of
   * trusting its cached state. Without it a stale state is caught only when the decision appends
   * (the expected revision fails and it is retried); a refusal or a no-op on it would stand.
   */
  sharedStream?: boolean;
  /**
   * For an actor off an order's critical path: its inbox consumer's batch window
   * (`ConsumerOptions.batchWindowMs`), so that what arrives meanwhile is handled in fewer, larger
   * batches (a key's messages without effects decided together, in one append). Default 0: every
   * message at once.
   */
  batchWindowMs?: number;
  /**
   * The actor acts on the world in `toCommand` (sends an email, charges a card): each message's
   * events are appended before the next message's effect, instead of a key's share of a batch being
   * decided together and appended at once. A crash then repeats at most the one effect in flight
   * per key, not every effect of the batch so far. A function names the messages that act: the
   * others between two of them are still decided together (in log order, as always).
   */
  effectful?: boolean | ((message: Message) => boolean);
  /** Throws on garbage: the message goes to the dead-letter topic at once. */
  decode: (message: LogMessage) => Message | Promise<Message>;
  /**
   * How state is kept in a snapshot (JSON as it is by default), and, for states that grow, their
   * size in entries: a snapshot costs its size, so a large state is snapshotted less often.
   */
  snapshot?: { toData: (state: State) => unknown; fromData: (data: unknown) => State; sizeOf?: (state: State) => number };
}

/** Any actor definition, whatever its type parameters (for lists of hosts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActorDefinition = ActorDefinition<any, any, any, any>;
