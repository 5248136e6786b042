import fc from 'fast-check';
import { foldEvents } from '../../shared';
import type { RefreshSession, SessionCommand, SessionState } from '.';
import { decideSession, sessionDecider } from '.';
import { createTestSessionStarted, minutesAfterStart, testSessionId as sessionId, tokenHash } from './testing';

type Presented = { kind: 'current' } | { kind: 'old'; index: number } | { kind: 'random'; seed: number };
type Step =
  | { kind: 'refresh'; presented: Presented; minutesLater: number; credentialsChange: boolean }
  | { kind: 'revoke'; reason: 'logout' | 'disabled' | 'credentials_changed' };

const presented: fc.Arbitrary<Presented> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Presented>({ kind: 'current' }) },
  { weight: 1, arbitrary: fc.nat().map((index): Presented => ({ kind: 'old', index })) },
  { weight: 1, arbitrary: fc.nat().map((seed): Presented => ({ kind: 'random', seed })) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('refresh' as const), presented, minutesLater: fc.integer({ min: 0, max: 20 }), credentialsChange: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), reason: fc.constantFrom('logout' as const, 'disabled' as const, 'credentials_changed' as const) }) },
);

// Never issued: the issued hashes count up from 1, these from 2^40.
const neverIssued = (seed: number): string => tokenHash(2 ** 40 + seed);

const refreshCommand = (presentedTokenHash: string, newTokenHash: string, minute: number, currentCredentialsVersion: number): RefreshSession => ({
  type: 'RefreshSession',
  data: { sessionId, presentedTokenHash, newTokenHash, now: minutesAfterStart(minute), newExpiresAt: minutesAfterStart(minute + 30), currentCredentialsVersion },
});

/** The hashes among `candidates` a refresh would accept right now, under the session's own credentials version. */
const acceptedTokens = (state: SessionState, candidates: string[], minute: number, freshHash: string): string[] => {
  if (state.status === 'absent') return [];
  return candidates.filter((hash) => decideSession(refreshCommand(hash, freshHash, minute, state.credentialsVersion), state).refused === null);
};

describe('sessions under random refreshes with current, spent and forged tokens', () => {
  it('never come back once revoked, and never accept more than one token', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = foldEvents(sessionDecider, [createTestSessionStarted()]);
        let minute = 0;
        let credentialsVersion = 1;
        let lastIssued = 1;
        for (const current of steps) {
          if (state.status === 'absent') throw new Error('a started session is never absent');
          const wasRevoked = state.status === 'revoked';
          let command: SessionCommand;
          let presentedHash: string | undefined;
          if (current.kind === 'revoke') {
            command = { type: 'RevokeSession', data: { sessionId, reason: current.reason } };
          } else {
            minute += current.minutesLater;
            if (current.credentialsChange) credentialsVersion += 1;
            const { usedTokenHashes, currentTokenHash } = state;
            presentedHash =
              current.presented.kind === 'current'
                ? currentTokenHash
                : current.presented.kind === 'old'
                  ? (usedTokenHashes[current.presented.index % Math.max(usedTokenHashes.length, 1)] ?? currentTokenHash)
                  : neverIssued(current.presented.seed);
            lastIssued += 1;
            command = refreshCommand(presentedHash, tokenHash(lastIssued), minute, credentialsVersion);
          }

          const decision = decideSession(command, state);
          if (wasRevoked) expect(decision.events).toEqual([]);
          if (command.type === 'RefreshSession' && decision.refused === null) {
            // Only the current token of a live session rotates, and to exactly the new one.
            expect(wasRevoked).toBe(false);
            expect(presentedHash).toBe(state.currentTokenHash);
            expect(decision.events.map((event) => event.type)).toEqual(['SessionRefreshed']);
          }
          if (command.type === 'RefreshSession' && !wasRevoked && state.usedTokenHashes.includes(command.data.presentedTokenHash)) {
            expect(decision).toEqual({ refused: 'reuse_detected', events: [{ type: 'SessionRevoked', data: { sessionId, reason: 'reuse_detected' } }] });
          }
          state = decision.events.reduce(sessionDecider.evolve, state);

          if (state.status === 'absent') throw new Error('a started session is never absent');
          if (wasRevoked) expect(state.status).toBe('revoked');
          expect(state.usedTokenHashes).not.toContain(state.currentTokenHash);
          expect(new Set(state.usedTokenHashes).size).toBe(state.usedTokenHashes.length);

          const everyIssued = Array.from({ length: lastIssued }, (_, index) => tokenHash(index + 1));
          const accepted = acceptedTokens(state, [...everyIssued, neverIssued(0)], minute, tokenHash(lastIssued + 1));
          expect(accepted.length).toBeLessThanOrEqual(1);
          if (state.status === 'revoked') expect(accepted).toEqual([]);
          else if (Date.parse(minutesAfterStart(minute)) < Date.parse(state.expiresAt)) expect(accepted).toEqual([state.currentTokenHash]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
