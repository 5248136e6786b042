/**
 * Properties every decider keeps under any sequence of commands, for its property test
 * (fast-check). Test-only: not exported from the index.
 */
import fc from 'fast-check';
import { avroSchemaOf, isEventType } from '@ecommerce/schemas';
import type { Decider } from './decider';
import { foldEvents } from './decider';
import { DomainError } from './errors';

export interface DeciderStep<Command, Event, State> {
  before: State;
  command: Command;
  events: Event[];
  after: State;
}

export interface DeciderProperties<Command, Event extends { type: string; data: unknown }, State> {
  decider: Decider<Command, Event, State>;
  /** The commands a stream may receive, valid or not: refusals are part of what is tested. */
  command: fc.Arbitrary<Command>;
  /** The context's invariants: asserted on every state a sequence reaches. */
  invariant: (state: State) => void;
  /** What one accepted command may change (transitions, amounts): asserted on every step. */
  step?: (step: DeciderStep<Command, Event, State>) => void;
  /**
   * Commands a handler or actor may deliver twice (a redelivered message, a retried request):
   * given again right after it was accepted, such a command appends nothing.
   */
  isRetried?: (command: Command) => boolean;
  /** Event types that never leave the event store, so have no Avro schema (identity's secrets). */
  unpublished?: readonly string[];
  maxCommands?: number;
  numRuns?: number;
}

/** Why the data does not match its Avro schema: the paths avsc's error hook names. */
function schemaMismatches(type: string, data: unknown, unpublished: readonly string[]): string[] {
  if (unpublished.includes(type)) return [];
  if (!isEventType(type)) return [`${type} has no Avro schema`];
  const paths: string[] = [];
  avroSchemaOf(type).type.isValid(data, { errorHook: (path) => paths.push(path.join('.') || '(root)') });
  return paths;
}

/**
 * Any sequence of commands: a refusal is a DomainError (never another throw), every event
 * encodes under its Avro schema, the state folded from the whole history equals the state
 * evolved step by step, the invariants hold after each step, and retried commands append
 * nothing.
 */
export function checkDeciderProperties<Command, Event extends { type: string; data: unknown }, State>(
  properties: DeciderProperties<Command, Event, State>,
): void {
  const { decider } = properties;
  fc.assert(
    fc.property(fc.array(properties.command, { maxLength: properties.maxCommands ?? 40 }), (commands) => {
      let state = decider.initialState();
      const history: Event[] = [];
      for (const command of commands) {
        let events: Event[];
        try {
          events = decider.decide(command, state);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          continue;
        }
        for (const event of events) expect({ type: event.type, mismatches: schemaMismatches(event.type, event.data, properties.unpublished ?? []) }).toEqual({ type: event.type, mismatches: [] });
        const after = events.reduce(decider.evolve, state);
        history.push(...events);
        expect(foldEvents(decider, history)).toEqual(after);
        properties.invariant(after);
        properties.step?.({ before: state, command, events, after });
        if (events.length > 0 && properties.isRetried?.(command)) expect(decider.decide(command, after)).toEqual([]);
        state = after;
      }
    }),
    { numRuns: properties.numRuns ?? 300 },
  );
}
