/** Fixture builders and a decision specification for session tests. Test-only. */
import { foldEvents } from '../../shared';
import type { RefreshSession, SessionCommand, StartSession } from './commands';
import type { SessionDecision, SessionRefusal } from './decide';
import { decideSession } from './decide';
import type { SessionEvent, SessionRevocationReason } from './events';
import { sessionDecider } from '.';

export const testSessionId = 's-1';

/** A distinct, well-formed SHA-256 hex per number. */
export const tokenHash = (n: number): string => n.toString(16).padStart(64, '0');

export const minutesAfterStart = (minutes: number): string => new Date(Date.UTC(2025, 0, 1, 12, minutes)).toISOString();

export const createTestStartSession = (overrides: Partial<StartSession['data']> = {}): StartSession => ({
  type: 'StartSession',
  data: { sessionId: testSessionId, userId: 'u-1', refreshTokenHash: tokenHash(1), credentialsVersion: 1, expiresAt: minutesAfterStart(30), ...overrides },
});

export const createTestSessionStarted = (overrides: Partial<StartSession['data']> = {}): SessionEvent => ({
  type: 'SessionStarted',
  data: createTestStartSession(overrides).data,
});

/** Presents `presented` at minute 10 by default and asks for `next`, valid 30 more minutes. */
export const createTestRefreshSession = (
  presented: number,
  next: number,
  overrides: Partial<RefreshSession['data']> = {},
): RefreshSession => ({
  type: 'RefreshSession',
  data: {
    sessionId: testSessionId,
    presentedTokenHash: tokenHash(presented),
    newTokenHash: tokenHash(next),
    now: minutesAfterStart(10),
    newExpiresAt: minutesAfterStart(40),
    currentCredentialsVersion: 1,
    ...overrides,
  },
});

export const createTestSessionRefreshed = (previous: number, next: number, expiresAt = minutesAfterStart(40)): SessionEvent => ({
  type: 'SessionRefreshed',
  data: { sessionId: testSessionId, previousTokenHash: tokenHash(previous), refreshTokenHash: tokenHash(next), expiresAt },
});

export const createTestSessionRevoked = (reason: SessionRevocationReason): SessionEvent => ({
  type: 'SessionRevoked',
  data: { sessionId: testSessionId, reason },
});

/** Given events / when command / then the whole decision: events and refusal together. */
export const givenSession = (...history: SessionEvent[]) => ({
  when: (command: SessionCommand) => {
    const decide = (): SessionDecision => decideSession(command, foldEvents(sessionDecider, history));
    return {
      thenAccepts: (events: SessionEvent[]): void => expect(decide()).toEqual({ events, refused: null }),
      thenRefuses: (refused: SessionRefusal, events: SessionEvent[] = []): void => expect(decide()).toEqual({ events, refused }),
    };
  },
});
