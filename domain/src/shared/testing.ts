/**
 * Given events / when command / then events or error, for decider unit tests
 * (after Emmett's DeciderSpecification). Test-only: not exported from the index.
 */
import type { Decider } from './decider';
import { foldEvents } from './decider';
import type { DomainErrorCode } from './errors';
import { DomainError } from './errors';

export interface ExpectedRefusal {
  code: DomainErrorCode;
  field?: string;
  message?: string | RegExp;
}

export const specificationFor =
  <Command, Event, State>(decider: Decider<Command, Event, State>) =>
  (...history: Event[]) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, foldEvents(decider, history));
      return {
        then: (expected: Event[]): void => {
          expect(run()).toEqual(expected);
        },
        thenNothingHappens: (): void => {
          expect(run()).toEqual([]);
        },
        thenThrows: (refusal: ExpectedRefusal): void => {
          let caught: unknown;
          let events: Event[] | undefined;
          try {
            events = run();
          } catch (error) {
            caught = error;
          }
          if (caught === undefined) {
            throw new Error(`expected a ${refusal.code} refusal, but decide returned ${JSON.stringify(events)}`);
          }
          expect(caught).toBeInstanceOf(DomainError);
          const error = caught as DomainError;
          expect({ code: error.code, field: error.field }).toEqual({ code: refusal.code, field: refusal.field });
          if (refusal.message !== undefined) expect(error.message).toMatch(refusal.message);
        },
      };
    },
  });
